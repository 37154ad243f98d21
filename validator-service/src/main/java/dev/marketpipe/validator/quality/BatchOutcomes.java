package dev.marketpipe.validator.quality;

import dev.marketpipe.wire.ValidatedBatch;

/**
 * How a batch's received records ended, the inputs of the quality score (the "data quality score" KPI): accepted
 * without a flag, accepted with a flag, or held back. Records received but in none of these were superseded
 * duplicates; they count in {@code received}, so they lower the score like a flag does.
 */
public record BatchOutcomes(long clean, long flagged, long quarantined, long received) {

    /** The outcomes of one verdict; non-bar records carry no flags, so every accepted one is clean. */
    public static BatchOutcomes of(ValidatedBatch verdict) {
        long flagged = verdict.accepted() == null ? 0
                : verdict.accepted().stream().filter(a -> !a.flags().isEmpty()).count();
        long acceptedBars = verdict.accepted() == null ? 0 : verdict.accepted().size();
        long acceptedRecords = verdict.acceptedRecords() == null ? 0 : verdict.acceptedRecords().size();
        return new BatchOutcomes(acceptedBars - flagged + acceptedRecords, flagged, verdict.quarantinedCount(),
                verdict.recordsReceived());
    }

    /** Share of received records accepted without a flag, 0..1. */
    public double score() {
        return score(clean, received);
    }

    /** {@code clean / total}; 1.0 when nothing was received, since nothing failed. */
    public static double score(long clean, long total) {
        return total <= 0 ? 1.0 : (double) clean / total;
    }
}
