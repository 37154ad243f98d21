package dev.marketpipe.loader.bars;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One bar as stored (spec §1.1 record shape), answered by {@code GET /v1/bars}.
 *
 * @param timestamp bar start; for a daily bar the session open of its trading date
 * @param date      the KRX trading date, daily bars only
 */
@RegisterForReflection
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
