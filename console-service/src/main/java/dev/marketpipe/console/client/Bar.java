package dev.marketpipe.console.client;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;

/** One stored bar ({@code GET /v1/bars}). */
@RegisterForReflection
public record Bar(String timestamp, String symbol, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
        long volume, String date) {
}
