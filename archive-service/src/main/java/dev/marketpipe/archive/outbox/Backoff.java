package dev.marketpipe.archive.outbox;

import java.time.Duration;

/**
 * Exponential backoff between delivery attempts: the wait doubles
 * per consecutive failure up to a ceiling, and a {@code Retry-After} from the validator is honoured up to the
 * same ceiling. Not thread-safe: one per lane (the outbox's lanes and the replay's lanes use the same rule).
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max.compareTo(initial) < 0 ? initial : max;
        this.next = initial;
    }

    /** The wait before the next attempt; advances the sequence. */
    public Duration next(Duration retryAfter) {
        Duration wait = next;
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(max) > 0 ? max : retryAfter;
        }
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return wait;
    }

    public void reset() {
        next = initial;
    }
}
