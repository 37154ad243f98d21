package dev.marketpipe.collector.backfill;

import dev.marketpipe.collector.job.JobState;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Progress of a backfill job as {@code GET /v1/backfills/{id}} shows it, kept in the collector's database so that
 * it survives restarts.
 *
 * @param requestsTotal  requests planned (one per window) plus the further pages the answers asked for
 * @param windowsResumed windows taken over after the replica running them stopped or died
 */
@RegisterForReflection
public record BackfillStatus(
        UUID id,
        JobState state,
        List<String> symbols,
        BarInterval interval,
        LocalDate from,
        LocalDate to,
        int requestsTotal,
        int requestsDone,
        long records,
        int batches,
        int errors,
        int windowsResumed,
        String lastError,
        Instant createdAt,
        Instant finishedAt) {
}
