package dev.marketpipe.loader.load;

import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.QuarantinedRecord;
import dev.marketpipe.wire.ValidatedBatch;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The short {@code data_collection_log.error_message} of a batch with quality findings, e.g.
 * {@code "quarantined 2 (missing_field 1, ohlc_inconsistent 1); flagged 1 (volume_zero 1); batch issues 1 (gap 1)"}.
 * Built from rule codes and counts only: never a record's content or an upstream message, which could carry
 * anything (invariant 5, secrets stay secret).
 */
final class IssueSummary {

    private static final int MAX_LENGTH = 1000;

    private IssueSummary() {
    }

    /** Null when the batch has no finding at all (then the log status is {@code success}). */
    static String of(ValidatedBatch batch) {
        List<QuarantinedBar> quarantined = batch.quarantined();
        List<AcceptedBar> flagged = batch.accepted().stream()
                .filter(a -> a.flags() != null && !a.flags().isEmpty())
                .toList();
        List<QualityIssue> batchIssues = batch.batchIssues() == null ? List.of() : batch.batchIssues();
        StringBuilder summary = new StringBuilder();
        if (!quarantined.isEmpty()) {
            append(summary, "quarantined", quarantined.size(),
                    quarantined.stream().map(QuarantinedBar::issues).toList());
        }
        List<QuarantinedRecord> records = batch.quarantinedRecords() == null ? List.of() : batch.quarantinedRecords();
        if (!records.isEmpty()) {
            append(summary, "quarantined", records.size(),
                    records.stream().map(QuarantinedRecord::issues).toList());
        }
        if (!flagged.isEmpty()) {
            append(summary, "flagged", flagged.size(), flagged.stream().map(AcceptedBar::flags).toList());
        }
        if (!batchIssues.isEmpty()) {
            append(summary, "batch issues", batchIssues.size(), List.of(batchIssues));
        }
        if (summary.isEmpty()) {
            return null;
        }
        return summary.length() <= MAX_LENGTH ? summary.toString() : summary.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static void append(StringBuilder summary, String what, int count,
            Collection<List<QualityIssue>> issueLists) {
        Map<String, Long> byRule = issueLists.stream()
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(i -> i.rule() == null ? "unknown" : i.rule(), TreeMap::new,
                        Collectors.counting()));
        if (!summary.isEmpty()) {
            summary.append("; ");
        }
        summary.append(what).append(' ').append(count);
        if (!byRule.isEmpty()) {
            summary.append(byRule.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ", " (", ")")));
        }
    }
}
