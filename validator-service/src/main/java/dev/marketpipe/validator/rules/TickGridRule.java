package dev.marketpipe.validator.rules;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.market.KrxTickSize;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prices on the exchange's tick grid: every one of OHLC must be a whole multiple of the tick of its price
 * band ({@link KrxTickSize}); symbols traded on one flat tick at every price (KRX ETFs and ETNs: 5 KRW) are checked
 * against that tick instead. A breach is {@code price_off_tick} (high): no trade can happen off the grid, so the
 * price is garbled or adjusted, but like a limit breach it goes to a person ({@code review}) rather than being
 * rejected outright. {@code value} and any adjusted close are not prices a trade happened at and are not checked.
 * Bars of trading dates before {@code since} are not checked: the bands in force before 2023-01-25 differed between
 * KOSPI and KOSDAQ, and a batch does not say which market its symbol trades on, so old history would go to review.
 */
public final class TickGridRule implements BarRule {

    private final Set<String> flatTickSymbols;
    private final long flatTick;
    private final LocalDate since;

    /**
     * @param flatTickSymbols symbols quoted on {@code flatTick} at every price (ETFs, ETNs); the rest follow the
     *                        KRX price bands
     * @param flatTick        their tick in KRW, positive
     * @param since           first trading date (KST) whose bars are checked
     */
    public TickGridRule(Set<String> flatTickSymbols, long flatTick, LocalDate since) {
        if (flatTick <= 0) {
            throw new IllegalArgumentException("marketpipe.validator.tick-grid.flat-tick must be positive, was "
                    + flatTick);
        }
        this.flatTickSymbols = Set.copyOf(flatTickSymbols);
        this.flatTick = flatTick;
        this.since = since;
    }

    /** The KRX price bands for every symbol, from the day they came into force. */
    public static TickGridRule krx() {
        return new TickGridRule(Set.of(), 5, KrxTickSize.IN_FORCE_SINCE);
    }

    @Override
    public List<QualityIssue> check(Bar bar, BarContext context) {
        if (bar.timestamp() != null && LocalDate.ofInstant(bar.timestamp(), MarketCalendar.KRX_ZONE).isBefore(since)) {
            return List.of();
        }
        boolean flat = bar.symbol() != null && flatTickSymbols.contains(bar.symbol());
        List<String> off = new ArrayList<>();
        addIfOff(off, "open", bar.open(), flat);
        addIfOff(off, "high", bar.high(), flat);
        addIfOff(off, "low", bar.low(), flat);
        addIfOff(off, "close", bar.close(), flat);
        if (off.isEmpty()) {
            return List.of();
        }
        return List.of(new QualityIssue(RuleCodes.PRICE_OFF_TICK, Severity.HIGH, bar.timestamp(),
                "off the tick grid: " + String.join(", ", off)));
    }

    /** Whether a trade of {@code symbol} at {@code price} at {@code at} lies on the grid (or before {@code since}). */
    public boolean isOnGrid(String symbol, BigDecimal price, Instant at) {
        if (at != null && LocalDate.ofInstant(at, MarketCalendar.KRX_ZONE).isBefore(since)) {
            return true;
        }
        boolean flat = symbol != null && flatTickSymbols.contains(symbol);
        return onGrid(price, flat ? flatTick : KrxTickSize.tick(price.doubleValue()));
    }

    private void addIfOff(List<String> off, String field, BigDecimal price, boolean flat) {
        // non-positive prices are PricePositivityRule's finding
        if (price == null || price.signum() <= 0) {
            return;
        }
        long tick = flat ? flatTick : KrxTickSize.tick(price.doubleValue());
        if (!onGrid(price, tick)) {
            off.add(field + "=" + price.toPlainString() + " (tick " + tick + ")");
        }
    }

    /**
     * Whole prices (what the exchange quotes) are checked in {@code long} arithmetic; BigDecimal's remainder was
     * the rule's main cost, four times per bar (as a profile of the pipeline's backfill showed).
     */
    private static boolean onGrid(BigDecimal price, long tick) {
        if (price.scale() == 0 && price.precision() < 19) {
            return price.longValue() % tick == 0;
        }
        return price.remainder(BigDecimal.valueOf(tick)).signum() == 0;
    }
}
