package dev.marketpipe.loader.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/**
 * The loader's notion of "now" for market events: when a minute has ended (bars from ticks) and how fresh a bar
 * is. {@code marketpipe.clock.offset} (default 0) shifts it from the wall clock, as the collector's: the demo's live
 * mode and the live system test replay a past KRX session in real time.
 */
@ApplicationScoped
public class MarketClock {

    private final Duration offset;

    MarketClock(@ConfigProperty(name = "marketpipe.clock.offset", defaultValue = "PT0S") Duration offset) {
        this.offset = offset;
    }

    public Instant now() {
        return Instant.now().plus(offset);
    }

    /** How far "now" is from the wall clock (timestamps the database wrote are on the wall clock). */
    public Duration offset() {
        return offset;
    }
}
