package dev.marketpipe.collector;

import dev.marketpipe.collector.config.MarketClock;

import java.time.Duration;
import java.time.Instant;

/** A {@link MarketClock} the test moves by hand (token lifetimes and request intervals without waiting). */
public class MutableClock extends MarketClock {

    public volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }
}
