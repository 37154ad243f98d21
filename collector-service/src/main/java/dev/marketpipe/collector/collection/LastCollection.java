package dev.marketpipe.collector.collection;

import dev.marketpipe.collector.config.MarketClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When this collector last handed a collected batch on (archived or spooled), for the {@code last_collection} health
 * check. In memory: after a restart there is no last collection until the next batch.
 */
@ApplicationScoped
public class LastCollection {

    private final MarketClock clock;
    private final AtomicReference<Instant> last = new AtomicReference<>();

    LastCollection(MarketClock clock) {
        this.clock = clock;
    }

    /** A batch was collected and handed to the archive (or its spool) now. */
    public void collected() {
        last.set(clock.now());
    }

    public Optional<Instant> at() {
        return Optional.ofNullable(last.get());
    }
}
