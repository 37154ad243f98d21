package dev.marketpipe.collector.job;

import java.time.Duration;

/**
 * When a window whose attempt failed is tried again: up to {@code attempts} attempts in all, the first retry after
 * {@code delay}, each later one after twice the one before (capped at {@code maxDelay}). A request the provider
 * refuses as wrong ({@code once}) is not tried again.
 */
public record WindowRetry(int attempts, Duration delay, Duration maxDelay) {

    /** No retry: the first failure is final. */
    public static final WindowRetry ONCE = new WindowRetry(1, Duration.ZERO, Duration.ZERO);

    static WindowRetry of(JobsConfig config) {
        return new WindowRetry(config.windowAttempts(), config.windowRetryDelay(), config.windowRetryMaxDelay());
    }

    /** Whether a window that failed {@code failures} times gets another attempt. */
    boolean allowsAnother(int failures) {
        return failures < attempts;
    }

    /** The wait before the attempt after {@code failures} failures. */
    Duration after(int failures) {
        Duration wait = delay.multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
    }
}
