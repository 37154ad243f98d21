package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One trade as the provider's real-time feed reported it (KIS {@code H0STCNT0}). Fields are nullable as in
 * {@link Bar}: what the feed left out or garbled stays {@code null} for the validator to reject.
 *
 * <p>The feed has no trade id; the cumulative volume of the trading day is one, because every trade adds a positive
 * quantity to it. {@code (symbol, trading date, cumulativeVolume)} is therefore the key of a tick, and a frame
 * received twice (a resubscription, a replay) stores one row.
 *
 * @param timestamp        trade time (the feed's resolution is one second)
 * @param price            trade price, KRW
 * @param quantity         shares of this trade
 * @param cumulativeVolume shares traded on the day up to and including this trade
 * @param cumulativeValue  value traded on the day up to and including this trade, KRW
 * @param previousClose    the previous trading day's close (price minus the feed's change), for the daily limits
 */
@RegisterForReflection
public record Tick(
        String symbol,
        Instant timestamp,
        BigDecimal price,
        Long quantity,
        Long cumulativeVolume,
        BigDecimal cumulativeValue,
        BigDecimal previousClose) {
}
