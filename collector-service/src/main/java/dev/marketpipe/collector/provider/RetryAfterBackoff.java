package dev.marketpipe.collector.provider;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * The retry backoff: wait what a 429's {@code Retry-After} asks for, otherwise double the wait at every retry
 * (starting at the {@code @Retry} delay, capped at 30 s). One instance per call, so the doubling is per call.
 */
public class RetryAfterBackoff implements CustomBackoffStrategy {

    static final long MAX_DELAY_MS = 30_000;

    private long next;

    @Override
    public void init(long initialDelayInMillis) {
        next = Math.max(1, initialDelayInMillis);
    }

    @Override
    public long nextDelayInMillis(Throwable failure) {
        long exponential = next;
        next = Math.min(MAX_DELAY_MS, next * 2);
        if (failure instanceof ProviderException.RateLimited limited && limited.retryAfter().isPresent()) {
            return Math.max(limited.retryAfter().get().toMillis(), 1);
        }
        return exponential;
    }
}
