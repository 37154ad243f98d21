package dev.marketpipe.simulator.control;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /simulator/config}. */
@RegisterForReflection
public record InvalidFractionChange(@NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double invalidFraction) {
}
