package dev.marketpipe.simulator.control;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Body of {@code PUT /simulator/fault-mix}: faults drawn at random for every market request, for as long as the mix
 * is set — the background noise of a real provider (a chaos run: 5 % 5xx, 2 % 429, 1 % timeouts, a token expiry
 * every few minutes). Shares are of market requests, drawn independently of the one-shot {@code /simulator/faults}.
 *
 * @param serverErrors           share answered 500, 502 or 503
 * @param rateLimits             share answered 429 with {@code Retry-After: retryAfterSeconds} (KIS: EGW00201)
 * @param retryAfterSeconds      the {@code Retry-After} of a rate limit (default 1)
 * @param timeouts               share answered only after {@code timeoutDelayMillis} (longer than the client waits)
 * @param timeoutDelayMillis     how long a "timed out" request is held (default 20,000)
 * @param tokenExpirySeconds     every this many seconds every access token expires (0 or absent: never)
 */
@RegisterForReflection
public record FaultMix(
        @DecimalMin("0") @DecimalMax("1") double serverErrors,
        @DecimalMin("0") @DecimalMax("1") double rateLimits,
        @Min(0) @Max(3_600) Integer retryAfterSeconds,
        @DecimalMin("0") @DecimalMax("1") double timeouts,
        @Min(1) @Max(600_000) Integer timeoutDelayMillis,
        @Min(0) @Max(86_400) Integer tokenExpirySeconds) {

    static final FaultMix NONE = new FaultMix(0, 0, 1, 0, 20_000, 0);

    /** The mix with its defaults filled in. */
    FaultMix withDefaults() {
        return new FaultMix(serverErrors, rateLimits, retryAfterSeconds == null ? 1 : retryAfterSeconds, timeouts,
                timeoutDelayMillis == null ? 20_000 : timeoutDelayMillis,
                tokenExpirySeconds == null ? 0 : tokenExpirySeconds);
    }

    boolean draws() {
        return serverErrors + rateLimits + timeouts > 0 || tokenExpirySeconds > 0;
    }
}
