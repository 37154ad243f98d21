package dev.marketpipe.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The validator's verdict on one {@link CollectedBatch}, sent to the loader ({@code POST /v1/loads}). Every record
 * of the batch is either in {@code accepted}, in {@code quarantined}, or named in {@code warnings} (a duplicate
 * that was superseded), so nothing is silently dropped.
 *
 * @param batchIssues batch-level findings: gaps, duplicates, out-of-order timestamps
 * @param qualityScore share of received records accepted without a flag, 0..1
 * @param acceptedRecords    non-bar records that passed (order books, account, positions, orders); null for bars
 * @param quarantinedRecords non-bar records held back, with their reasons; null for bars
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
        double qualityScore,
        BatchRecords acceptedRecords,
        List<QuarantinedRecord> quarantinedRecords) {

    /** The canonical constructor is the JSON creator (the shorter one is for Java call sites). */
    @JsonCreator
    public ValidatedBatch {
    }

    /** A market-data verdict: bars only (the shape every bar call site builds). */
    public ValidatedBatch(UUID batchId, DataType dataType, String symbol, BarInterval interval, SourceRole source,
            String archiveRef, Instant fetchedAt, long apiLatencyMs, int recordsReceived, List<AcceptedBar> accepted,
            List<QuarantinedBar> quarantined, List<QualityIssue> batchIssues, double qualityScore) {
        this(batchId, dataType, symbol, interval, source, archiveRef, fetchedAt, apiLatencyMs, recordsReceived,
                accepted, quarantined, batchIssues, qualityScore, null, null);
    }

    /** Records held back, bars and non-bar records together. */
    public int quarantinedCount() {
        return (quarantined == null ? 0 : quarantined.size())
                + (quarantinedRecords == null ? 0 : quarantinedRecords.size());
    }
}
