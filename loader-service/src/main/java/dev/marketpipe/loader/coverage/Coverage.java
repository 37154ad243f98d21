package dev.marketpipe.loader.coverage;

import dev.marketpipe.wire.BarInterval;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Which bars of one symbol and interval are stored in {@code [from, to)}, answered by {@code GET /v1/coverage}.
 * Compact: per KRX trading date, the runs of consecutive stored bar starts (one run for a complete day), so a
 * client that knows from the market calendar which bars should exist can tell exactly which are missing.
 *
 * @param bars how many bars are stored in the range
 */
@RegisterForReflection
public record Coverage(String symbol, BarInterval interval, Instant from, Instant to, long bars, List<Day> days) {

    /** The stored bars of one exchange-local (KST) date. */
    @RegisterForReflection
    public record Day(LocalDate date, long bars, List<Run> runs) {
    }

    /**
     * Consecutive stored bars, each one interval after the previous.
     *
     * @param first start of the first bar of the run
     * @param last  start of the last bar of the run (inclusive)
     */
    @RegisterForReflection
    public record Run(Instant first, Instant last, long bars) {
    }
}
