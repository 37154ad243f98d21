package dev.marketpipe.validator.rules;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * §5.1 schema validation: {@code timestamp, symbol, open, high, low, close, volume} must be present. One
 * {@code missing_field} issue (critical) naming every missing field. {@code value} is optional in the spec.
 */
public final class RequiredFieldsRule implements BarRule {

    @Override
    public List<QualityIssue> check(Bar bar, BarContext context) {
        List<String> missing = new ArrayList<>();
        if (bar.timestamp() == null) {
            missing.add("timestamp");
        }
        if (bar.symbol() == null || bar.symbol().isBlank()) {
            missing.add("symbol");
        }
        if (bar.open() == null) {
            missing.add("open");
        }
        if (bar.high() == null) {
            missing.add("high");
        }
        if (bar.low() == null) {
            missing.add("low");
        }
        if (bar.close() == null) {
            missing.add("close");
        }
        if (bar.volume() == null) {
            missing.add("volume");
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(new QualityIssue(RuleCodes.MISSING_FIELD, Severity.CRITICAL, bar.timestamp(),
                "missing required field" + (missing.size() > 1 ? "s: " : ": ") + String.join(", ", missing)));
    }
}
