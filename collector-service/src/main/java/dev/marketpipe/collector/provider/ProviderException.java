package dev.marketpipe.collector.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A securities-API call that did not succeed, one subclass per row of the API error table of
 * {@link SecuritiesApiClient}, so that its fault-tolerance policy can say which rows are retried.
 */
public abstract class ProviderException extends RuntimeException {

    private final int status;

    protected ProviderException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** HTTP status of the answer, 0 when there was none. */
    public int status() {
        return status;
    }

    /** Short, bounded name of the error type for metrics and the collection log. */
    public abstract String errorType();

    /** 429: wait ({@code Retry-After} when given, else exponential backoff) and retry. */
    public static final class RateLimited extends ProviderException {
        private final Duration retryAfter;

        public RateLimited(Duration retryAfter) {
            super(429, "rate limit exceeded" + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s"));
            this.retryAfter = retryAfter;
        }

        /** Rate limited with the wait of a {@code Retry-After} header (seconds; an HTTP-date or none: backoff). */
        public static RateLimited afterHeader(String retryAfter) {
            if (retryAfter == null || retryAfter.isBlank()) {
                return new RateLimited(null);
            }
            try {
                return new RateLimited(Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim()))));
            } catch (NumberFormatException httpDate) {
                return new RateLimited(null);
            }
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        @Override
        public String errorType() {
            return "rate_limited";
        }
    }

    /** 401/403 that persists after one re-authentication: never retried in a loop, alert the operator. */
    public static class AuthenticationFailed extends ProviderException {
        public AuthenticationFailed(int status, String message) {
            super(status, message);
        }

        @Override
        public String errorType() {
            return "auth_failed";
        }
    }

    /**
     * No valid token, and the provider's rule (one token request a minute) forbids asking for one yet: nothing was
     * sent. Not a sign of a failing provider, so the circuit breaker does not count it; the caller tries later.
     */
    public static final class TokenThrottled extends AuthenticationFailed {
        private final Instant retryAt;

        public TokenThrottled(String message, Instant retryAt) {
            super(0, message);
            this.retryAt = retryAt;
        }

        /** When a new token may be requested. */
        public Instant retryAt() {
            return retryAt;
        }
    }

    /** 400 (and other 4xx): the request itself is wrong; log and skip, no retry. */
    public static final class Rejected extends ProviderException {
        public Rejected(int status, String message) {
            super(status, message);
        }

        @Override
        public String errorType() {
            return "bad_request";
        }
    }

    /** 5xx or an unusable body: retry with backoff, then alert. */
    public static final class Unavailable extends ProviderException {
        public Unavailable(int status, String message) {
            super(status, message);
        }

        @Override
        public String errorType() {
            return "server_error";
        }
    }
}
