package dev.marketpipe.collector.config;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** The collector's notion of "now"; a bean so tests can set the time of day (market hours, day boundaries). */
@ApplicationScoped
public class MarketClock {

    public Instant now() {
        return Instant.now();
    }
}
