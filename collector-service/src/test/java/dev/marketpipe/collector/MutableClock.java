package dev.marketpipe.collector;

import dev.marketpipe.collector.config.MarketClock;

import java.time.Duration;
import java.time.Instant;

/** A {@link MarketClock} the test moves by hand (token lifetimes and request intervals without waiting). */
class MutableClock extends MarketClock {

    volatile Instant now;

    MutableClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }
}
