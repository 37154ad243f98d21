package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The validator's verdict on one {@link CollectedBatch}, sent to the loader ({@code POST /v1/loads}). Every record
 * of the batch is either in {@code accepted}, in {@code quarantined}, or named in {@code warnings} (a duplicate
 * that was superseded), so nothing is silently dropped.
 *
 * @param batchIssues batch-level findings: gaps, duplicates, out-of-order timestamps (spec §5.4)
 * @param qualityScore share of received records accepted without a flag, 0..1
 */
@RegisterForReflection
public record ValidatedBatch(
        UUID batchId,
        DataType dataType,
        String symbol,
        BarInterval interval,
        SourceRole source,
        String archiveRef,
        Instant fetchedAt,
        long apiLatencyMs,
        int recordsReceived,
        List<AcceptedBar> accepted,
        List<QuarantinedBar> quarantined,
        List<QualityIssue> batchIssues,
        double qualityScore) {
}
