package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One holding of the account at one instant (the provider's {@code GET /positions}).
 *
 * @param marketValue quantity × current price, as the provider reports it
 */
@RegisterForReflection
public record Position(
        Instant timestamp,
        String symbol,
        Long quantity,
        BigDecimal averagePrice,
        BigDecimal currentPrice,
        BigDecimal marketValue,
        BigDecimal unrealizedPnl) {
}
