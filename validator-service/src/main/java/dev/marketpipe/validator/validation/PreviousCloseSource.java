package dev.marketpipe.validator.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where the price-limit rule learns the previous trading day's close when the batch itself does not
 * carry it. Empty means "unknown": the limit check is then skipped, never failed.
 */
@FunctionalInterface
public interface PreviousCloseSource {

    /** No previous close is ever known; the limit check never runs. */
    PreviousCloseSource NONE = (symbol, tradingDay, previousTradingDay) -> Optional.empty();

    /** The close of {@code symbol}'s daily bar on {@code previousTradingDay}, the trading day before {@code tradingDay}. */
    Optional<BigDecimal> previousClose(String symbol, LocalDate tradingDay, LocalDate previousTradingDay);
}
