package dev.marketpipe.collector.testing;

import dev.marketpipe.collector.config.MarketClock;

import java.time.Duration;
import java.time.Instant;

/** A {@link MarketClock} the test moves by hand (token lifetimes and request intervals without waiting). */
public class MutableClock extends MarketClock {

    public volatile Instant now;

    /** A clock the test sets ({@link #now}) before anything reads it. */
    public MutableClock() {
    }

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
