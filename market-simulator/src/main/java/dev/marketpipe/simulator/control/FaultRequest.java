package dev.marketpipe.simulator.control;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code PUT /simulator/faults}: answer the next {@code count} market requests with {@code status}.
 *
 * @param status an HTTP error status (400–599); 429 carries {@code Retry-After}, 401 also revokes every token
 * @param count how many market requests fail (default 1)
 * @param retryAfterSeconds the {@code Retry-After} of a 429 (default 1)
 */
@RegisterForReflection
public record FaultRequest(
        @NotNull @Min(400) @Max(599) Integer status,
        @Min(1) @Max(1_000_000) Integer count,
        @Min(0) @Max(3_600) Integer retryAfterSeconds) {
}
