package dev.marketpipe.validator.validation;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.market.KrxTickSize;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of sound KRX-like bars: prices on the KRX tick grid on a random walk that never leaves the ±30%
 * band of the previous close, OHLC consistent with a real high-low spread of a few ticks, volumes between 1 and
 * 5,000,000, one bar for every bar start of the calendar. The same seed gives the same market.
 */
final class SyntheticMarket {

    static final String SYMBOL = "005930";
    /** Stays a little inside the ±30% limit so a generated bar is never a limit breach. */
    private static final double BAND = 0.28;

    private final Random random;
    private final MarketCalendar calendar;

    SyntheticMarket(long seed, MarketCalendar calendar) {
        this.random = new Random(seed);
        this.calendar = calendar;
    }

    /** Every bar of {@code day}'s session at {@code interval}, around {@code previousClose}. */
    List<Bar> session(LocalDate day, BarInterval interval, long previousClose) {
        long low = KrxTickSize.ceil(previousClose * (1 - BAND));
        long high = KrxTickSize.floor(previousClose * (1 + BAND));
        List<Bar> bars = new ArrayList<>();
        long last = previousClose;
        for (Instant start : calendar.barStarts(day, interval)) {
            Bar bar = bar(start, last, low, high, 0.003);
            bars.add(bar);
            last = bar.close().longValueExact();
        }
        return bars;
    }

    /** One daily bar per trading day in {@code days}, each within the band of the day before. */
    List<Bar> dailySeries(List<LocalDate> days, long firstPreviousClose) {
        List<Bar> bars = new ArrayList<>();
        long previous = firstPreviousClose;
        for (LocalDate day : days) {
            long low = KrxTickSize.ceil(previous * (1 - BAND));
            long high = KrxTickSize.floor(previous * (1 + BAND));
            Bar bar = bar(calendar.barStarts(day, BarInterval.ONE_DAY).get(0), previous, low, high, 0.05);
            bars.add(bar);
            previous = bar.close().longValueExact();
        }
        return bars;
    }

    /** A grid price near {@code around}. */
    long nextPrice(long around) {
        return KrxTickSize.round(Math.max(1_000, around + around * 0.1 * random.nextGaussian()));
    }

    Random random() {
        return random;
    }

    private Bar bar(Instant start, long open, long low, long high, double volatility) {
        long openPrice = clamp(open, low, high);
        long close = clamp(KrxTickSize.round(openPrice * (1 + volatility * random.nextGaussian())), low, high);
        long barHigh = Math.max(openPrice, close);
        for (int ticks = 1 + random.nextInt(5); ticks > 0 && barHigh < high; ticks--) {
            barHigh = KrxTickSize.up(barHigh);
        }
        long barLow = Math.min(openPrice, close);
        for (int ticks = 1 + random.nextInt(5); ticks > 0 && barLow > low; ticks--) {
            barLow = KrxTickSize.down(barLow);
        }
        long volume = 1 + random.nextInt(5_000_000);
        return new Bar(start, SYMBOL, BigDecimal.valueOf(openPrice), BigDecimal.valueOf(barHigh),
                BigDecimal.valueOf(barLow), BigDecimal.valueOf(close), volume, BigDecimal.valueOf(close * volume));
    }

    private static long clamp(long value, long low, long high) {
        return Math.max(low, Math.min(high, value));
    }
}
