package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The account balance at one instant (the provider's {@code GET /account/info}). The account number never travels in
 * clear past the provider adapter: {@code accountMasked} is e.g. {@code 1234****-01} (ARCHITECTURE invariant 5).
 *
 * @param totalValue cash plus the value of the positions, as the provider reports it
 */
@RegisterForReflection
public record AccountSnapshot(
        String accountMasked,
        Instant timestamp,
        String currency,
        BigDecimal cash,
        BigDecimal positionsValue,
        BigDecimal totalValue,
        Integer positionCount) {
}
