package dev.marketpipe.loader.push;

import dev.marketpipe.loader.bars.StoredBar;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/**
 * One event of the push stream: the committed bars of one change ({@code bar_event} row {@code id}), as stored.
 *
 * @param source      {@code ticks}: bars built from the real-time trades; {@code rest}: bars collected from the API
 * @param committedAt when the change was written (the end of its transaction)
 */
@RegisterForReflection
public record BarEvent(long id, String symbol, String interval, String source, Instant committedAt,
        List<StoredBar> bars) {
}
