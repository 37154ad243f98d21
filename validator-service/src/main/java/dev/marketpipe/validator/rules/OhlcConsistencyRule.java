package dev.marketpipe.validator.rules;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * OHLC consistency: {@code high >= max(open, close, low)} and {@code low <= min(open, close, high)}; a breach
 * is {@code ohlc_inconsistent} (critical). Checked only when all four prices are present.
 */
public final class OhlcConsistencyRule implements BarRule {

    @Override
    public List<QualityIssue> check(Bar bar, BarContext context) {
        BigDecimal open = bar.open();
        BigDecimal high = bar.high();
        BigDecimal low = bar.low();
        BigDecimal close = bar.close();
        if (open == null || high == null || low == null || close == null) {
            return List.of();
        }
        List<String> broken = new ArrayList<>();
        if (high.compareTo(open.max(close).max(low)) < 0) {
            broken.add("high " + high.toPlainString() + " is below max(open, close, low)");
        }
        if (low.compareTo(open.min(close).min(high)) > 0) {
            broken.add("low " + low.toPlainString() + " is above min(open, close, high)");
        }
        if (broken.isEmpty()) {
            return List.of();
        }
        return List.of(new QualityIssue(RuleCodes.OHLC_INCONSISTENT, Severity.CRITICAL, bar.timestamp(),
                String.join("; ", broken)));
    }
}
