package dev.marketpipe.collector.budget;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The numbers a {@link RateBudget} enforces: at most {@code requestsPerSecond} grants in any window of one second
 * plus {@code windowMargin} (the margin absorbs the varying time between a grant and the request's arrival at the
 * provider, which counts arrivals), of which each priority may fill only up to its own limit (High all of them,
 * Medium and Low less, so that a share of every second stays free for more urgent work), and how long each priority
 * may wait before it is shed.
 */
public record BudgetPolicy(int requestsPerSecond, Duration windowMargin, Map<Priority, Integer> limits,
        Map<Priority, Duration> maxWaits, Duration demandHold, Duration maxPoll) {

    public BudgetPolicy {
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("a rate budget needs at least 1 request per second, got " + requestsPerSecond);
        }
        limits = Map.copyOf(limits);
        maxWaits = Map.copyOf(maxWaits);
    }

    /**
     * @param mediumReserve share of each second Medium may not use
     * @param lowReserve share of each second Low may not use
     */
    public static BudgetPolicy of(int requestsPerSecond, Duration windowMargin, double mediumReserve,
            double lowReserve, Map<Priority, Duration> maxWaits, Duration demandHold, Duration maxPoll) {
        Map<Priority, Integer> limits = new EnumMap<>(Priority.class);
        limits.put(Priority.HIGH, requestsPerSecond);
        limits.put(Priority.MEDIUM, limit(requestsPerSecond, mediumReserve));
        limits.put(Priority.LOW, limit(requestsPerSecond, lowReserve));
        return new BudgetPolicy(requestsPerSecond, windowMargin, limits, maxWaits, demandHold, maxPoll);
    }

    /** The configured reserves, waits and margins around one provider's limit of {@code requestsPerSecond}. */
    public static BudgetPolicy from(BudgetConfig config, int requestsPerSecond) {
        Map<Priority, Duration> waits = new EnumMap<>(Priority.class);
        waits.put(Priority.HIGH, config.highMaxWait());
        waits.put(Priority.MEDIUM, config.mediumMaxWait());
        waits.put(Priority.LOW, config.lowMaxWait());
        return of(requestsPerSecond, config.windowMargin(), config.mediumReserve(), config.lowReserve(), waits,
                config.demandHold(), config.maxPoll());
    }

    /** How many grants of the current one-second window a request of {@code priority} may bring it up to. */
    public int limit(Priority priority) {
        return limits.get(priority);
    }

    /** The window a grant counts in: one second plus the margin. */
    public Duration window() {
        return Duration.ofSeconds(1).plus(windowMargin);
    }

    public Duration maxWait(Priority priority) {
        return maxWaits.get(priority);
    }

    private static int limit(int requestsPerSecond, double reserve) {
        if (reserve < 0 || reserve >= 1) {
            throw new IllegalArgumentException("a reserve is a share in [0, 1), got " + reserve);
        }
        // never reserve the whole second: even on a 2/s paper account, lower priorities keep one request per second
        return Math.max(1, requestsPerSecond - (int) Math.ceil(requestsPerSecond * reserve));
    }
}
