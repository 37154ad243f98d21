package dev.marketpipe.validator.validation;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the system of record already holds for a batch's window, so that duplicates and gaps are judged across
 * batches (an earlier live cycle or backfill page) and not only within one response. Empty means "unknown": the
 * cross-batch part of the checks is skipped and the batch-local verdict stands, never failed or delayed for it.
 */
@FunctionalInterface
public interface StoredBars {

    /** Nothing stored is ever known; every check stays batch-local. */
    StoredBars NONE = (symbol, interval, from, to) -> Optional.empty();

    /** The stored bars of {@code symbol} and {@code interval} with a timestamp in {@code [from, to)}. */
    Optional<List<Bar>> between(String symbol, BarInterval interval, Instant from, Instant to);
}
