package dev.marketpipe.simulator.market;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code PUT /simulator/discrepancies}: from now on, serve the daily bar of {@code symbol} on trading date
 * {@code date} with {@code delta} added to {@code field} — so that a second simulator instance, acting as the backup
 * source, disagrees with the primary on exactly one known value (reconciliation tests). Everything else stays
 * deterministic.
 */
@RegisterForReflection
public record PlantedDiscrepancy(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9]{1,12}", message = "must be 1-12 letters or digits") String symbol,
        @NotNull LocalDate date,
        @NotNull @Pattern(regexp = "open|high|low|close|volume|value",
                message = "must be one of open, high, low, close, volume, value") String field,
        @NotNull BigDecimal delta) {
}
