package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;

/** One price level of an order book ({@code {price, quantity}}); nullable fields as in {@link Bar}. */
@RegisterForReflection
public record BookLevel(BigDecimal price, Long quantity) {
}
