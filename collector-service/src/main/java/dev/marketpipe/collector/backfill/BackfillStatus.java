package dev.marketpipe.collector.backfill;

import dev.marketpipe.wire.BarInterval;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Progress of a backfill job as {@code GET /v1/backfills/{id}} shows it. */
@RegisterForReflection
public record BackfillStatus(
        UUID id,
        BackfillJob.State state,
        List<String> symbols,
        BarInterval interval,
        LocalDate from,
        LocalDate to,
        int requestsTotal,
        int requestsDone,
        long records,
        int batches,
        int errors,
        String lastError,
        Instant createdAt,
        Instant finishedAt) {
}
