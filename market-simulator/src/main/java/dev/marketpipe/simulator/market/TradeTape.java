package dev.marketpipe.simulator.market;

import static dev.marketpipe.simulator.market.HashPurpose.ANCHOR;
import static dev.marketpipe.simulator.market.HashPurpose.COUNT;
import static dev.marketpipe.simulator.market.HashPurpose.NOISE;
import static dev.marketpipe.simulator.market.HashPurpose.SECOND;
import static dev.marketpipe.simulator.market.HashPurpose.SHARE;

import dev.marketpipe.market.KrxTickSize;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The trades behind {@link BarGenerator}'s bars: the tape the real-time feed streams. The trades of each minute
 * aggregate exactly into the clean 1-minute bar of {@link BarGenerator#trueBars} (first trade at the open, last at the
 * close, highest at the high, lowest at the low, quantities summing to the volume, the cumulative traded value rising
 * by the bar's value), so a client that builds bars from the feed gets the bars the REST API serves. A pure function
 * of {@code (seed, symbol, trading date)}; plain Java like {@link BarGenerator}, immutable and thread-safe.
 *
 * <p>Shape of a minute:
 * <ul>
 *   <li>a seeded draw of {@link Density#minPerMinute()} to {@link Density#maxPerMinute()} trades (by default 5 to
 *       60), never more than the bar's volume and never fewer than the bar's distinct price points need (open first,
 *       close last, high and low somewhere between);</li>
 *   <li>with a {@link Burst}, every {@code everyMinutes}-th minute of the session trades {@code factor} times as
 *       densely during its {@code seconds} seconds from {@code startSecond} on: the minute's draw is scaled so
 *       that its other seconds keep their usual density, and its trades' seconds are drawn with the burst's seconds
 *       weighing {@code factor} times as much (still capped by the bar's volume);</li>
 *   <li>prices walk between those anchor points with up to one tick of noise, always on the KRX tick grid and
 *       within [low, high];</li>
 *   <li>seconds are sorted draws in 0..59, so several trades may share a second;</li>
 *   <li>each trade adds its quantity's share of the bar's value to the cumulative value (whole KRW, the rounding
 *       remainder on the minute's last trade), so the cumulative value matches the REST API's {@code acml_tr_pbmn}
 *       at every minute's end. It is not price × quantity: the bar's value is close × volume by construction.</li>
 * </ul>
 * A minute whose volume is smaller than its distinct price points (say 3 shares for open, high, low and close all
 * different) cannot be traded exactly; there the close, the open, then the high are kept. The generator's volumes
 * (at least a few shares for the least traded symbol at the quietest minute) make this practically unreachable.
 */
public final class TradeTape {

    /** Fewest and most trades of a minute by default (fewer when the volume is smaller). */
    public static final int MIN_TRADES_PER_MINUTE = 5;
    public static final int MAX_TRADES_PER_MINUTE = 60;
    private static final int SECONDS_PER_MINUTE = 60;

    // Domain separation, as in BarGenerator.

    private final BarGenerator bars;
    private final Density density;

    /** The default tape: 5 to 60 trades a minute, no bursts. */
    public TradeTape(BarGenerator bars) {
        this(bars, Density.DEFAULT);
    }

    public TradeTape(BarGenerator bars, Density density) {
        this.bars = Objects.requireNonNull(bars, "bars");
        this.density = Objects.requireNonNull(density, "density");
    }

    public Density density() {
        return density;
    }

    /** The whole trading day of {@code symbol}; empty trades on a closed day. */
    public Day day(String symbol, LocalDate tradingDate) {
        List<Bar> minutes = bars.trueBars(symbol, BarInterval.ONE_MINUTE, tradingDate);
        long previousClose = bars.previousClose(symbol, tradingDate);
        long sym = SeededHash.key(symbol);
        long seed = bars.seed();
        List<Trade> trades = new ArrayList<>(minutes.size() * 32);
        DayState state = new DayState(previousClose);
        for (int i = 0; i < minutes.size(); i++) {
            minute(seed, sym, minutes.get(i), density.burstAt(i), previousClose, state, trades);
        }
        long open = minutes.isEmpty() ? previousClose : minutes.get(0).open().longValueExact();
        return new Day(symbol, tradingDate, previousClose, open, List.copyOf(trades));
    }

    /** The trades of {@code symbol} at {@code from} (inclusive) to {@code to} (exclusive), across days. */
    public List<Trade> trades(String symbol, Instant from, Instant to) {
        List<Trade> trades = new ArrayList<>();
        LocalDate last = bars.calendar().tradingDate(to);
        for (LocalDate date = bars.calendar().tradingDate(from); !date.isAfter(last); date = date.plusDays(1)) {
            trades.addAll(day(symbol, date).between(from, to));
        }
        return trades;
    }

    private void minute(long seed, long sym, Bar bar, boolean burst, long previousClose, DayState state,
            List<Trade> out) {
        long open = bar.open().longValueExact();
        long high = bar.high().longValueExact();
        long low = bar.low().longValueExact();
        long close = bar.close().longValueExact();
        long volume = bar.volume();
        long value = bar.value().longValueExact();
        long time = bar.timestamp().getEpochSecond();
        if (volume <= 0) {
            return; // nothing traded (the generator gives every minute at least one share)
        }

        boolean highApart = high != open && high != close;
        boolean lowApart = low != open && low != close;
        int needed = open == close && !highApart && !lowApart ? 1 : 2 + (highApart ? 1 : 0) + (lowApart ? 1 : 0);
        long drawn = density.minPerMinute() + Long.remainderUnsigned(SeededHash.hash(seed, COUNT.tag, sym, time),
                density.maxPerMinute() - density.minPerMinute() + 1L);
        if (burst) {
            drawn = Math.round(drawn * density.burst().weight() / SECONDS_PER_MINUTE);
        }
        int n = (int) Math.min(Math.max(drawn, needed), volume);

        long[] prices = prices(seed, sym, time, n, open, high, low, close, highApart, lowApart);
        long[] quantities = quantities(seed, sym, time, n, volume);
        int[] seconds = burst ? density.burst().seconds(seed, sym, time, n) : seconds(seed, sym, time, n);

        long valueLeft = value;
        for (int i = 0; i < n; i++) {
            long added = i == n - 1 ? valueLeft : share(value, quantities[i], volume);
            valueLeft -= added;
            Instant at = bar.timestamp().plusSeconds(seconds[i]);
            state.add(at, prices[i], quantities[i], added);
            out.add(new Trade(at, prices[i], quantities[i], state.volume, state.value, previousClose, state.high,
                    state.highAt, state.low, state.lowAt, state.buyerInitiated));
        }
    }

    /** {@code value × quantity / volume} rounded down, without overflowing for any realistic value. */
    private static long share(long value, long quantity, long volume) {
        return value / volume * quantity + (value % volume) * quantity / volume;
    }

    /**
     * The minute's prices: anchors at open (first), close (last) and, where they differ from both, high and low at
     * seeded interior positions; between anchors a straight walk with up to one tick of noise, clamped to the bar.
     */
    private static long[] prices(long seed, long sym, long time, int n, long open, long high, long low, long close,
            boolean highApart, boolean lowApart) {
        long[] prices = new long[n];
        boolean[] anchored = new boolean[n];
        if (n == 1) {
            prices[0] = close;
            return prices;
        }
        prices[0] = open;
        prices[n - 1] = close;
        anchored[0] = true;
        anchored[n - 1] = true;
        long hash = SeededHash.hash(seed, ANCHOR.tag, sym, time);
        int interior = n - 2;
        if (highApart && interior > 0) {
            int at = 1 + (int) Long.remainderUnsigned(hash, interior);
            prices[at] = high;
            anchored[at] = true;
        }
        if (lowApart && interior > 0) {
            int free = interior - (highApart ? 1 : 0);
            if (free > 0) {
                int skip = (int) Long.remainderUnsigned(hash >>> 32, free);
                for (int i = 1; i < n - 1; i++) {
                    if (!anchored[i] && skip-- == 0) {
                        prices[i] = low;
                        anchored[i] = true;
                        break;
                    }
                }
            }
        }
        int previous = 0;
        for (int next = 1; next < n; next++) {
            if (!anchored[next]) {
                continue;
            }
            for (int i = previous + 1; i < next; i++) {
                double fraction = (i - previous) / (double) (next - previous);
                long price = KrxTickSize.round(prices[previous] + (prices[next] - prices[previous]) * fraction);
                long noise = Long.remainderUnsigned(SeededHash.hash(seed, NOISE.tag, sym, time, i), 3);
                price = noise == 0 ? KrxTickSize.down(price) : noise == 2 ? KrxTickSize.up(price) : price;
                prices[i] = Math.max(low, Math.min(high, price));
            }
            previous = next;
        }
        return prices;
    }

    /** At least one share each, summing to {@code volume}: seeded weights, the rounding shares spread one by one. */
    private static long[] quantities(long seed, long sym, long time, int n, long volume) {
        long[] quantities = new long[n];
        double[] weights = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            // -ln(u): exponential weights, a few large prints among many small ones.
            weights[i] = -Math.log(1.0 - SeededHash.unit(SeededHash.hash(seed, SHARE.tag, sym, time, i)));
            total += weights[i];
        }
        long spare = volume - n;
        long given = 0;
        for (int i = 0; i < n; i++) {
            quantities[i] = 1 + (total > 0 ? (long) Math.floor(spare * weights[i] / total) : 0);
            given += quantities[i];
        }
        long left = volume - given;
        int start = (int) Long.remainderUnsigned(SeededHash.hash(seed, SHARE.tag, sym, time, -1), n);
        for (int k = 0; left > 0; k++, left--) {
            quantities[(start + k) % n]++;
        }
        return quantities;
    }

    /** Sorted seconds in 0..59. */
    private static int[] seconds(long seed, long sym, long time, int n) {
        int[] seconds = new int[n];
        for (int i = 0; i < n; i++) {
            seconds[i] = (int) Long.remainderUnsigned(SeededHash.hash(seed, SECOND.tag, sym, time, i),
                    SECONDS_PER_MINUTE);
        }
        Arrays.sort(seconds);
        return seconds;
    }

    /**
     * How many trades a minute holds: a uniform draw in {@code [minPerMinute, maxPerMinute]} (capped by the bar's
     * volume), and an optional {@link Burst}.
     */
    public record Density(int minPerMinute, int maxPerMinute, Burst burst) {

        /** The tape's original shape: 5 to 60 trades a minute, no bursts. */
        public static final Density DEFAULT = new Density(MIN_TRADES_PER_MINUTE, MAX_TRADES_PER_MINUTE, Burst.NONE);

        public Density {
            Objects.requireNonNull(burst, "burst");
            if (minPerMinute < 1 || maxPerMinute < minPerMinute || maxPerMinute > 100_000) {
                throw new IllegalArgumentException("trades per minute must satisfy 1 <= min <= max <= 100000, was "
                        + minPerMinute + ".." + maxPerMinute);
            }
        }

        /** Whether the minute with index {@code minuteOfSession} (0: the session's first) is a burst minute. */
        public boolean burstAt(int minuteOfSession) {
            return burst.on() && minuteOfSession % burst.everyMinutes() == burst.everyMinutes() - 1;
        }
    }

    /**
     * A burst of trading: every {@code everyMinutes}-th minute of the session (the {@code everyMinutes}-th, the
     * {@code 2 × everyMinutes}-th, ...; 0: never), its {@code seconds} seconds from second {@code startSecond} on
     * trade {@code factor} times as densely as the minute's other seconds.
     */
    public record Burst(int everyMinutes, int startSecond, int seconds, double factor) {

        /** No bursts. */
        public static final Burst NONE = new Burst(0, 50, 10, 1.0);

        public Burst {
            if (everyMinutes < 0) {
                throw new IllegalArgumentException("burst every-minutes must be 0 (off) or more, was " + everyMinutes);
            }
            if (seconds < 1 || startSecond < 0 || startSecond + seconds > SECONDS_PER_MINUTE) {
                throw new IllegalArgumentException("a burst must lie within its minute: start-second " + startSecond
                        + " + seconds " + seconds + " > 60, or seconds < 1");
            }
            if (!(factor >= 1.0 && factor <= 1000.0)) {
                throw new IllegalArgumentException("burst factor must be within [1, 1000], was " + factor);
            }
        }

        boolean on() {
            return everyMinutes > 0 && factor > 1.0;
        }

        /** The minute's total weight in seconds of normal density: 60 - seconds + seconds × factor. */
        double weight() {
            return SECONDS_PER_MINUTE - seconds + seconds * factor;
        }

        /**
         * Sorted seconds in 0..59, each drawn with the weight of its second: {@code factor} in the burst, 1
         * elsewhere (inverse of the cumulative weight at a seeded uniform point).
         */
        int[] seconds(long seed, long sym, long time, int n) {
            double burstWeight = seconds * factor;
            int[] drawn = new int[n];
            for (int i = 0; i < n; i++) {
                double x = SeededHash.unit(SeededHash.hash(seed, SECOND.tag, sym, time, i)) * weight();
                int second;
                if (x < startSecond) {
                    second = (int) x;
                } else if (x < startSecond + burstWeight) {
                    second = Math.min(startSecond + seconds - 1, startSecond + (int) ((x - startSecond) / factor));
                } else {
                    second = startSecond + seconds + (int) (x - startSecond - burstWeight);
                }
                drawn[i] = Math.max(0, Math.min(SECONDS_PER_MINUTE - 1, second));
            }
            Arrays.sort(drawn);
            return drawn;
        }
    }

    /** The running totals of a day while its trades are made. */
    private static final class DayState {
        private long volume;
        private long value;
        private long high = Long.MIN_VALUE;
        private Instant highAt;
        private long low = Long.MAX_VALUE;
        private Instant lowAt;
        private long lastPrice;
        private boolean buyerInitiated = true;

        DayState(long previousClose) {
            this.lastPrice = previousClose;
        }

        void add(Instant at, long price, long quantity, long addedValue) {
            volume += quantity;
            value = Math.addExact(value, addedValue);
            if (price > high) {
                high = price;
                highAt = at;
            }
            if (price < low) {
                low = price;
                lowAt = at;
            }
            // The tick rule: an uptick was a buyer lifting the ask, a downtick a seller hitting the bid, an unchanged
            // price the same side as before.
            if (price != lastPrice) {
                buyerInitiated = price > lastPrice;
            }
            lastPrice = price;
        }
    }

    /**
     * One trade.
     *
     * @param at               the trade's instant, whole seconds
     * @param price            KRW, on the tick grid
     * @param quantity         shares, at least one
     * @param cumulativeVolume the day's shares up to and including this trade
     * @param cumulativeValue  the day's traded value (KRW) up to and including this trade
     * @param previousClose    the previous trading day's close, the reference of the day's change
     * @param dayHigh          the day's highest price so far
     * @param dayHighAt        when the day first traded at {@code dayHigh}
     * @param dayLow           the day's lowest price so far
     * @param dayLowAt         when the day first traded at {@code dayLow}
     * @param buyerInitiated   whether a buyer took the ask (an uptick) rather than a seller hitting the bid
     */
    public record Trade(Instant at, long price, long quantity, long cumulativeVolume, long cumulativeValue,
            long previousClose, long dayHigh, Instant dayHighAt, long dayLow, Instant dayLowAt,
            boolean buyerInitiated) {
    }

    /**
     * The trades of one symbol's trading day, in time order.
     *
     * @param previousClose the previous trading day's close
     * @param open          the day's opening price (the previous close on a closed day)
     */
    public record Day(String symbol, LocalDate date, long previousClose, long open, List<Trade> trades) {

        /** The trades at {@code from} (inclusive) to {@code to} (exclusive), a view in time order. */
        public List<Trade> between(Instant from, Instant to) {
            int first = firstAtOrAfter(from);
            int end = firstAtOrAfter(to);
            return first >= end ? List.of() : trades.subList(first, end);
        }

        /** The last trade before {@code instant}, or {@code null} before the day's first trade. */
        public Trade lastBefore(Instant instant) {
            int index = firstAtOrAfter(instant);
            return index == 0 ? null : trades.get(index - 1);
        }

        /** Index of the first trade at or after {@code instant} (the size when none is). */
        private int firstAtOrAfter(Instant instant) {
            int low = 0;
            int high = trades.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (trades.get(middle).at().isBefore(instant)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }
}
