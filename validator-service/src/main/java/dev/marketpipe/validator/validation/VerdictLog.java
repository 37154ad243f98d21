package dev.marketpipe.validator.validation;

import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantineStatus;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.QuarantinedRecord;
import dev.marketpipe.wire.ValidatedBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The log lines the quality actions ask for: "Missing required field: reject record, log error", "Duplicate
 * timestamp: keep latest, log warning", "Gap in data: log warning" (the quality alert is
 * {@code QualityTracker}'s, over a window rather than per batch). Every line names the batch id, the symbol and
 * the record's timestamp; none carries a secret. Written on every validation attempt, so a record dropped as a
 * duplicate is always named in the log.
 */
@ApplicationScoped
public class VerdictLog {

    private static final Logger LOG = Logger.getLogger(VerdictLog.class);

    public void log(ValidatedBatch verdict) {
        for (QuarantinedBar record : verdict.quarantined()) {
            QualityIssue missing = record.issues().stream()
                    .filter(i -> RuleCodes.MISSING_FIELD.equals(i.rule())).findFirst().orElse(null);
            if (missing != null) {
                LOG.errorf("batch %s symbol %s: record %s rejected: %s", verdict.batchId(), verdict.symbol(),
                        name(record), summary(record));
            } else {
                LOG.debugf("batch %s symbol %s: record %s %s: %s", verdict.batchId(), verdict.symbol(),
                        name(record), record.status().code(), summary(record));
            }
        }
        if (verdict.quarantinedRecords() != null) {
            // the record itself is not printed: account records are sensitive (their number is masked anyway)
            for (QuarantinedRecord record : verdict.quarantinedRecords()) {
                LOG.errorf("batch %s %s: record at %s rejected: %s", verdict.batchId(), verdict.dataType().code(),
                        record.timestamp(), record.issues().stream().map(i -> i.rule() + " (" + i.message() + ")")
                                .collect(Collectors.joining("; ")));
            }
        }
        for (QualityIssue issue : verdict.batchIssues()) {
            LOG.warnf("batch %s symbol %s: %s at %s: %s", verdict.batchId(), verdict.symbol(), issue.rule(),
                    issue.timestamp(), issue.message());
        }
        if (!verdict.quarantined().isEmpty()) {
            long review = verdict.quarantined().stream().filter(q -> q.status() == QuarantineStatus.REVIEW).count();
            LOG.infof("batch %s symbol %s: %d of %d records held back (%d for review) by %s", verdict.batchId(),
                    verdict.symbol(), verdict.quarantined().size(), verdict.recordsReceived(), review,
                    countByPrimaryRule(verdict));
        }
    }

    /** The record's timestamp, or its values when it has none, so the line still identifies it. */
    private static String name(QuarantinedBar record) {
        Bar bar = record.bar();
        if (bar.timestamp() != null) {
            return "at " + bar.timestamp();
        }
        return "without timestamp (symbol=" + bar.symbol() + " open=" + bar.open() + " high=" + bar.high()
                + " low=" + bar.low() + " close=" + bar.close() + " volume=" + bar.volume() + ")";
    }

    private static String summary(QuarantinedBar record) {
        return record.issues().stream().map(i -> i.rule() + " (" + i.message() + ")")
                .collect(Collectors.joining("; "));
    }

    private static Map<String, Long> countByPrimaryRule(ValidatedBatch verdict) {
        return verdict.quarantined().stream()
                .collect(Collectors.groupingBy(PrimaryRule::of, TreeMap::new, Collectors.counting()));
    }
}
