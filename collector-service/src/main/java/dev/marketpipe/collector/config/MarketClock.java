package dev.marketpipe.collector.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/**
 * The collector's notion of "now"; a bean so tests can set the time of day (market hours, day boundaries). With
 * {@code marketpipe.clock.offset} (default 0) the whole pipeline runs that far from the wall clock: the demo's live
 * mode and the live system test replay a past KRX session through the simulator's feed in real time.
 */
@ApplicationScoped
public class MarketClock {

    private final Duration offset;

    public MarketClock() {
        this(Duration.ZERO);
    }

    @Inject
    public MarketClock(@ConfigProperty(name = "marketpipe.clock.offset", defaultValue = "PT0S") Duration offset) {
        this.offset = offset;
    }

    public Instant now() {
        return Instant.now().plus(offset);
    }
}
