package dev.marketpipe.archive.listing;

import dev.marketpipe.archive.index.DayKey;
import dev.marketpipe.wire.DataType;

import java.time.LocalDate;

/**
 * What {@code GET /v1/batches} asks for; a {@code null} filter means any.
 *
 * @param from  first archive day, inclusive
 * @param to    last archive day, inclusive
 * @param after the position the previous page ended at (from its cursor), or {@code null} for the first page
 */
public record BatchQuery(LocalDate from, LocalDate to, DataType dataType, String symbol, ForwardingState state,
                         int limit, DayKey after) {

    public BatchQuery {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }
}
