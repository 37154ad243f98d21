package dev.marketpipe.validator.rules;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Price minimum 0 and OHLC "all prices positive": any of OHLC ≤ 0 is {@code price_not_positive}. */
public final class PricePositivityRule implements BarRule {

    @Override
    public List<QualityIssue> check(Bar bar, BarContext context) {
        List<String> bad = new ArrayList<>();
        addIfNotPositive(bad, "open", bar.open());
        addIfNotPositive(bad, "high", bar.high());
        addIfNotPositive(bad, "low", bar.low());
        addIfNotPositive(bad, "close", bar.close());
        if (bad.isEmpty()) {
            return List.of();
        }
        return List.of(new QualityIssue(RuleCodes.PRICE_NOT_POSITIVE, Severity.CRITICAL, bar.timestamp(),
                "price not positive: " + String.join(", ", bad)));
    }

    private static void addIfNotPositive(List<String> bad, String field, BigDecimal price) {
        if (price != null && price.signum() <= 0) {
            bad.add(field + "=" + price.toPlainString());
        }
    }
}
