package dev.marketpipe.validator.rules;

import dev.marketpipe.wire.BarInterval;

import java.math.BigDecimal;

/**
 * What a record rule may know beyond the record itself.
 *
 * @param batchSymbol   the symbol the batch was collected for
 * @param interval      the batch's bar interval
 * @param previousClose close of the previous trading day, or null when unknown (the price-limit check is skipped)
 */
public record BarContext(String batchSymbol, BarInterval interval, BigDecimal previousClose) {
}
