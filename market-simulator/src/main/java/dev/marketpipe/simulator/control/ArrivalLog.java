package dev.marketpipe.simulator.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * When each securities-API request arrived (monotonic clock), so a test can check what the provider's rate limit
 * sees: the most requests that arrived within any one second ({@code GET /simulator/arrivals}). Bounded: only the
 * newest {@link #CAPACITY} arrivals are kept.
 */
@ApplicationScoped
public class ArrivalLog {

    static final int CAPACITY = 100_000;
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final Deque<Long> arrivals = new ArrayDeque<>();
    private long total;

    public synchronized void arrived(long nanoTime) {
        if (arrivals.size() == CAPACITY) {
            arrivals.removeFirst();
        }
        arrivals.addLast(nanoTime);
        total++;
    }

    public synchronized long total() {
        return total;
    }

    /** The most arrivals within any half-open one-second window [t, t + 1 s). */
    public int busiestSecond() {
        List<Long> times;
        synchronized (this) {
            times = new ArrayList<>(arrivals);
        }
        times.sort(Long::compare);
        int most = 0;
        for (int first = 0, end = 0; first < times.size(); first++) {
            while (end < times.size() && times.get(end) - times.get(first) < SECOND_NANOS) {
                end++;
            }
            most = Math.max(most, end - first);
        }
        return most;
    }

    public synchronized void reset() {
        arrivals.clear();
        total = 0;
    }
}
