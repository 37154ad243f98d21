package dev.marketpipe.validator.validation;

import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.QuarantinedRecord;
import dev.marketpipe.wire.ValidatedBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The validator's Prometheus metrics (monitoring: "data quality score", "error count by type"). Record counters move
 * once per batch the loader newly stored (not on attempts the outbox will repeat, nor on a redelivered batch the
 * loader already had), so {@code received = accepted + quarantined + duplicates} holds over any time range.
 * Labels are bounded: rule codes, quarantine status, batch outcome; never a symbol or batch id.
 */
@ApplicationScoped
public class ValidationMetrics {

    /** Outcome label values of {@code marketpipe.validator.batches}. */
    public static final String FORWARDED = "forwarded";
    public static final String LOADER_UNAVAILABLE = "loader_unavailable";
    public static final String REJECTED = "rejected";

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter accepted;
    private final Counter duplicates;
    private final DistributionSummary qualityScore;

    public ValidationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.received = Counter.builder("marketpipe.validator.records.received")
                .description("Records of batches validated and stored by the loader").register(registry);
        this.accepted = Counter.builder("marketpipe.validator.records.accepted")
                .description("Records accepted into the market tables (flagged ones included)").register(registry);
        this.duplicates = Counter.builder("marketpipe.validator.records.duplicates")
                .description("Records dropped because a later record had the same timestamp").register(registry);
        this.qualityScore = DistributionSummary.builder("marketpipe.validator.batch.quality.score.ratio")
                .description("Share of a batch's records accepted without a flag (0..1)")
                .register(registry);
        for (String outcome : new String[] {FORWARDED, LOADER_UNAVAILABLE, REJECTED}) {
            batches(outcome);
        }
    }

    public void batch(String outcome) {
        batches(outcome).increment();
    }

    /** Counts a verdict the loader acknowledged; a duplicate receipt changed nothing and counts nothing. */
    public void loaded(ValidatedBatch verdict, LoadReceipt receipt) {
        batch(FORWARDED);
        if (receipt != null && receipt.duplicate()) {
            return;
        }
        received.increment(verdict.recordsReceived());
        accepted.increment(verdict.accepted().size());
        for (AcceptedBar bar : verdict.accepted()) {
            if (!bar.flags().isEmpty()) {
                registry.counter("marketpipe.validator.records.flagged", "rule", bar.flags().get(0).rule())
                        .increment();
            }
            countIssues(bar.flags());
        }
        for (QuarantinedBar bar : verdict.quarantined()) {
            registry.counter("marketpipe.validator.records.quarantined",
                    "rule", PrimaryRule.of(bar), "status", bar.status().code()).increment();
            countIssues(bar.issues());
        }
        if (verdict.acceptedRecords() != null) {
            accepted.increment(verdict.acceptedRecords().size());
        }
        if (verdict.quarantinedRecords() != null) {
            for (QuarantinedRecord record : verdict.quarantinedRecords()) {
                registry.counter("marketpipe.validator.records.quarantined", "rule", record.issues().get(0).rule(),
                        "status", record.status().code()).increment();
                countIssues(record.issues());
            }
        }
        for (QualityIssue issue : verdict.batchIssues()) {
            if (RuleCodes.DUPLICATE_TIMESTAMP.equals(issue.rule())) {
                duplicates.increment();
            }
        }
        countIssues(verdict.batchIssues());
        qualityScore.record(verdict.qualityScore());
    }

    private void countIssues(Iterable<QualityIssue> issues) {
        for (QualityIssue issue : issues) {
            registry.counter("marketpipe.validator.issues", "rule", issue.rule()).increment();
        }
    }

    private Counter batches(String outcome) {
        return Counter.builder("marketpipe.validator.batches").tag("outcome", outcome)
                .description("Validation requests by outcome").register(registry);
    }
}
