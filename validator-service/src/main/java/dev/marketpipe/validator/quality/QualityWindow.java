package dev.marketpipe.validator.quality;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Clean and total record counts over the last {@code length} of time, in 60 buckets so memory stays constant however
 * many batches arrive. A bucket leaves the window once all of it is older than {@code length}, so the window is
 * accurate to one bucket (15 s of a 15 min window). Not thread-safe: {@link QualityTracker} serialises access.
 */
final class QualityWindow {

    private static final int BUCKETS = 60;

    private final Clock clock;
    private final long lengthMillis;
    private final long bucketMillis;
    private final Deque<long[]> buckets = new ArrayDeque<>(); // {start millis, clean, total}

    QualityWindow(Duration length, Clock clock) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("marketpipe.validator.quality.window must be positive");
        }
        this.clock = clock;
        this.lengthMillis = length.toMillis();
        this.bucketMillis = Math.max(1, lengthMillis / BUCKETS);
    }

    void add(long clean, long total) {
        long now = clock.millis();
        prune(now);
        long start = now - Math.floorMod(now, bucketMillis);
        long[] last = buckets.peekLast();
        if (last == null || last[0] != start) {
            last = new long[] {start, 0, 0};
            buckets.addLast(last);
        }
        last[1] += clean;
        last[2] += total;
    }

    /** Records in the window. */
    long total() {
        prune(clock.millis());
        return buckets.stream().mapToLong(b -> b[2]).sum();
    }

    /** The window's quality score; 1.0 when the window is empty. */
    double score() {
        prune(clock.millis());
        long clean = buckets.stream().mapToLong(b -> b[1]).sum();
        return BatchOutcomes.score(clean, buckets.stream().mapToLong(b -> b[2]).sum());
    }

    private void prune(long now) {
        while (!buckets.isEmpty() && buckets.peekFirst()[0] + bucketMillis <= now - lengthMillis) {
            buckets.removeFirst();
        }
    }
}
