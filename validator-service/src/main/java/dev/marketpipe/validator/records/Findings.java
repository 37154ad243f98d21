package dev.marketpipe.validator.records;

import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one record; every finding of these minimal rules is critical (quarantine). */
final class Findings {

    private final Instant timestamp;
    private final List<QualityIssue> issues = new ArrayList<>();

    Findings(Instant timestamp) {
        this.timestamp = timestamp;
    }

    void add(String rule, String message) {
        issues.add(new QualityIssue(rule, Severity.CRITICAL, timestamp, message));
    }

    /** Adds one {@code missing_field} finding naming every null among {@code namesAndValues}; true if any. */
    boolean missing(Object... namesAndValues) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                names.add((String) namesAndValues[i]);
            }
        }
        if (!names.isEmpty()) {
            add(RuleCodes.MISSING_FIELD, "Missing required field" + (names.size() > 1 ? "s: " : ": ")
                    + String.join(", ", names));
        }
        return !names.isEmpty();
    }

    void nonNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            add(RecordRuleCodes.QUANTITY_NEGATIVE, field + " is negative (" + value.toPlainString() + ")");
        }
    }

    void positivePrice(String field, BigDecimal value) {
        if (value != null && value.signum() <= 0) {
            add(RuleCodes.PRICE_NOT_POSITIVE, field + " is not positive (" + value.toPlainString() + ")");
        }
    }

    /** {@code total} must equal {@code expected} within {@code tolerance}. */
    void sums(String what, BigDecimal total, BigDecimal expected, BigDecimal tolerance) {
        if (total != null && expected != null && total.subtract(expected).abs().compareTo(tolerance) > 0) {
            add(RecordRuleCodes.TOTALS_MISMATCH, what + ": " + total.toPlainString() + " is not "
                    + expected.toPlainString());
        }
    }

    List<QualityIssue> issues() {
        return List.copyOf(issues);
    }
}
