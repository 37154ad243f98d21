package dev.marketpipe.collector.gapfill;

import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.collector.job.JobState;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Progress of a gap-fill job as {@code GET /v1/gapfills/{id}} shows it: the backfill fields, plus what the plan
 * found ({@code barsExpected} by the calendar, {@code barsStored} by the loader, {@code barsMissing}, of which
 * {@code barsSkipped} were not requested again because their attempts were used up).
 */
@RegisterForReflection
public record GapfillStatus(
        UUID id,
        JobState state,
        String trigger,
        List<String> symbols,
        BarInterval interval,
        LocalDate from,
        LocalDate to,
        int symbolsPlanned,
        long barsExpected,
        long barsStored,
        long barsMissing,
        long barsSkipped,
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
