package dev.marketpipe.validator.validation;

import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantinedBar;

import java.util.Comparator;

/**
 * The one rule a held-back record is counted under in metrics and summaries: its most severe finding, the first
 * in rule order among equals. Counting each record once keeps {@code received = accepted + quarantined +
 * duplicates} true for the counters.
 */
final class PrimaryRule {

    private PrimaryRule() {
    }

    static String of(QuarantinedBar record) {
        return record.issues().stream()
                .min(Comparator.comparingInt((QualityIssue i) -> i.severity().ordinal()))
                .map(QualityIssue::rule)
                .orElse("unknown");
    }
}
