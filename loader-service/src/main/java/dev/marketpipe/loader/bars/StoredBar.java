package dev.marketpipe.loader.bars;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One bar as stored (the market-data record shape), answered by {@code GET /v1/bars} and {@code GET /v1/bars/latest}.
 * The property order is the column order of the {@code text/csv} answers.
 *
 * @param timestamp bar start; for a daily bar the session open of its trading date
 * @param date      the KRX trading date, daily bars only
 */
@RegisterForReflection
@JsonPropertyOrder({"timestamp", "symbol", "open", "high", "low", "close", "volume", "value", "date"})
public record StoredBar(
        Instant timestamp,
        String symbol,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        long volume,
        BigDecimal value,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate date) {
}
