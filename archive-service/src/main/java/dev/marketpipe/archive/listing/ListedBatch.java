package dev.marketpipe.archive.listing;

import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.SourceRole;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One batch as {@code GET /v1/batches} lists it.
 *
 * @param date       the batch's archive day (KST date of its window start, the folder of its envelope)
 * @param archiveRef where the envelope is; {@code null} while {@link ForwardingState#PENDING_INTAKE}, as are
 *                   {@code sha256}, {@code bytes} and {@code archivedAt}
 * @param sha256     SHA-256 of the envelope file as written (what {@code GET /v1/integrity} checks)
 */
@RegisterForReflection
public record ListedBatch(UUID batchId, LocalDate date, DataType dataType, String symbol, BarInterval interval,
                          SourceRole source, Instant windowStart, Instant windowEnd, String archiveRef, String sha256,
                          Long bytes, Instant archivedAt, ForwardingState state) {
}
