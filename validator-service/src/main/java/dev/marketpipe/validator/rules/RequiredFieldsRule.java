package dev.marketpipe.validator.rules;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;

import java.util.List;

/**
 * Schema validation (required fields): {@code timestamp, symbol, open, high, low, close, volume} must be present. One
 * {@code missing_field} issue (critical) naming every missing field. {@code value} is optional.
 */
public final class RequiredFieldsRule implements BarRule {

    @Override
    public List<QualityIssue> check(Bar bar, BarContext context) {
        List<String> missing = bar.missingRequiredFields();
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(new QualityIssue(RuleCodes.MISSING_FIELD, Severity.CRITICAL, bar.timestamp(),
                "missing required field" + (missing.size() > 1 ? "s: " : ": ") + String.join(", ", missing)));
    }
}
