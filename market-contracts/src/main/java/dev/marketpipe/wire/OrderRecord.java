package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order of the account's order history (the provider's {@code GET /orders/history}).
 *
 * @param side           {@code buy} or {@code sell}
 * @param status         {@code filled}, {@code partially_filled} or {@code cancelled}
 * @param filledQuantity shares executed so far, ≤ {@code quantity}
 * @param filledPrice    average execution price, null when nothing was filled
 */
@RegisterForReflection
public record OrderRecord(
        String orderId,
        Instant orderedAt,
        String symbol,
        String side,
        Long quantity,
        BigDecimal price,
        Long filledQuantity,
        BigDecimal filledPrice,
        String status) {
}
