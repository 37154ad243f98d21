package dev.marketpipe.simulator.market;

import static dev.marketpipe.simulator.market.HashPurpose.BASE_PRICE;
import static dev.marketpipe.simulator.market.HashPurpose.CORRUPT;
import static dev.marketpipe.simulator.market.HashPurpose.CORRUPT_KIND;
import static dev.marketpipe.simulator.market.HashPurpose.DAILY_VALUE;
import static dev.marketpipe.simulator.market.HashPurpose.DAY_CLOSE;
import static dev.marketpipe.simulator.market.HashPurpose.STEP;
import static dev.marketpipe.simulator.market.HashPurpose.VOLUME;
import static dev.marketpipe.simulator.market.HashPurpose.WICK;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.market.KrxTickSize;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulator's ground truth: seeded, reproducible KRX-like OHLCV bars. Every value is a pure
 * function of {@code (seed, symbol, interval, bar time)}, so any process that builds a generator with the same
 * seed, calendar and invalid fraction knows exactly what the API served — tests of other modules instantiate it
 * directly. Plain Java on purpose (no CDI), immutable and thread-safe.
 *
 * <p>Shape of the data:
 * <ul>
 *   <li>each symbol has a base price (log-uniform in 5,000–500,000 KRW) and a typical traded value;</li>
 *   <li>the close of trading date {@code d} is {@code base × (1 + 0.1·u(seed, symbol, d))}, {@code u ∈ [-1, 1]},
 *       so close-to-close moves stay within about ±22%, inside KRX's ±30% daily limit;</li>
 *   <li>the 1-minute bars of a session walk from the previous close to the day's close along a Brownian bridge of
 *       hash noise, clamped to the ±30% limit; bar {@code i} opens at bar {@code i−1}'s close; wicks add up to two
 *       ticks; every price is on the KRX tick grid;</li>
 *   <li>volume is U-shaped over the session, value = close × volume;</li>
 *   <li>5-minute and daily bars are the exact aggregation of the clean 1-minute bars; a daily bar's timestamp is the
 *       session open.</li>
 * </ul>
 * With a non-zero invalid fraction a hash of {@code (seed, symbol, interval, bar start)} picks which served bars are
 * replaced by a corrupted copy (see {@link Corruption}); raising the fraction only adds corrupted bars.
 */
public final class BarGenerator {

    /** Lowest and highest per-symbol base price, KRW. */
    public static final double MIN_BASE_PRICE = 5_000;
    public static final double MAX_BASE_PRICE = 500_000;
    /** Daily close lies within ±10% of the base price. */
    public static final double DAILY_SWING = 0.10;
    /** KRX daily price limit relative to the previous close. */
    public static final double PRICE_LIMIT = 0.30;

    /** Per-minute noise of the intraday path relative to the previous close (≈1.6% over a session). */
    private static final double MINUTE_VOLATILITY = 0.0008;
    private static final int MAX_WICK_TICKS = 2;
    private static final double MIN_DAILY_VALUE = 3e9;
    private static final double MAX_DAILY_VALUE = 3e11;
    private static final int REGULAR_SESSION_MINUTES = 390;
    /** A corrupted daily bar is stamped this long before the session open. */
    private static final Duration DAILY_OUT_OF_SESSION_SHIFT = Duration.ofHours(3);

    private static final Corruption[] KINDS = {
        Corruption.HIGH_BELOW_LOW, Corruption.NEGATIVE_VOLUME, Corruption.MISSING_FIELD, Corruption.OUT_OF_SESSION
    };

    private final long seed;
    private final MarketCalendar calendar;
    private final double invalidFraction;

    /**
     * @param seed the seed every number derives from
     * @param calendar the trading calendar that says which bars exist
     * @param invalidFraction probability in [0, 1] that a served bar is corrupted
     */
    public BarGenerator(long seed, MarketCalendar calendar, double invalidFraction) {
        if (!(invalidFraction >= 0.0 && invalidFraction <= 1.0)) {
            throw new IllegalArgumentException("invalidFraction must be within [0, 1], was " + invalidFraction);
        }
        this.seed = seed;
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.invalidFraction = invalidFraction;
    }

    public long seed() {
        return seed;
    }

    public MarketCalendar calendar() {
        return calendar;
    }

    public double invalidFraction() {
        return invalidFraction;
    }

    /** The same generator with another invalid fraction (clean bars are unchanged). */
    public BarGenerator withInvalidFraction(double fraction) {
        return new BarGenerator(seed, calendar, fraction);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Served bars (what the API answers) and the ground truth behind them

    /**
     * Exactly the records the API serves for {@code symbol} on {@code tradingDate}, corrupted ones included, in time
     * order (an {@link Corruption#OUT_OF_SESSION} record sorts before the open). Empty on a closed day.
     */
    public List<Bar> servedBars(String symbol, BarInterval interval, LocalDate tradingDate) {
        return servedRecords(symbol, interval, tradingDate).stream().map(ServedBar::bar).toList();
    }

    /** Like {@link #servedBars} but each record carries the slot it stands for and its corruption. */
    public List<ServedBar> servedRecords(String symbol, BarInterval interval, LocalDate tradingDate) {
        Optional<Session> session = calendar.session(tradingDate);
        if (session.isEmpty()) {
            return List.of();
        }
        List<Bar> clean = trueBars(symbol, interval, tradingDate);
        List<ServedBar> served = new ArrayList<>(clean.size());
        for (Bar bar : clean) {
            Corruption corruption = corruption(symbol, interval, bar.timestamp());
            served.add(new ServedBar(bar.timestamp(), corruption, corrupt(bar, corruption, interval, session.get())));
        }
        if (invalidFraction > 0) {
            served.sort(Comparator.comparing((ServedBar s) -> s.bar().timestamp()));
        }
        return served;
    }

    /** The clean bars of {@code tradingDate} at {@code interval}, one per calendar bar start, in time order. */
    public List<Bar> trueBars(String symbol, BarInterval interval, LocalDate tradingDate) {
        MinutePath path = minutePath(symbol, tradingDate);
        if (path.size() == 0) {
            return List.of();
        }
        return switch (interval) {
            case ONE_MINUTE -> {
                List<Bar> bars = new ArrayList<>(path.size());
                for (int i = 0; i < path.size(); i++) {
                    bars.add(path.bar(i, i + 1, path.starts.get(i)));
                }
                yield bars;
            }
            case FIVE_MINUTES -> {
                List<Bar> bars = new ArrayList<>();
                long step = interval.length().toSeconds();
                int i = 0;
                for (Instant start : calendar.barStarts(tradingDate, interval)) {
                    int from = i;
                    Instant end = start.plusSeconds(step);
                    while (i < path.size() && path.starts.get(i).isBefore(end)) {
                        i++;
                    }
                    bars.add(path.bar(from, i, start));
                }
                yield bars;
            }
            case ONE_DAY -> List.of(path.bar(0, path.size(), path.starts.get(0)));
        };
    }

    /**
     * The clean bar that starts at {@code barStart}. Computes the whole session (well under a millisecond); for
     * many bars of one day prefer {@link #trueBars}.
     *
     * @throws IllegalArgumentException when {@code barStart} is not a session bar start of {@code interval}
     */
    public Bar trueBar(String symbol, BarInterval interval, Instant barStart) {
        if (!calendar.isBarStart(barStart, interval)) {
            throw new IllegalArgumentException(barStart + " is not a " + interval.code() + " bar start of a session");
        }
        LocalDate date = calendar.tradingDate(barStart);
        MinutePath path = minutePath(symbol, date);
        if (interval == BarInterval.ONE_DAY) {
            return path.bar(0, path.size(), barStart);
        }
        int from = path.indexOf(barStart);
        int to = from;
        Instant end = barStart.plus(interval.length());
        while (to < path.size() && path.starts.get(to).isBefore(end)) {
            to++;
        }
        return path.bar(from, to, barStart);
    }

    /**
     * Whether and how the served bar of slot {@code barStart} is corrupted. A pure hash: the same bars are picked
     * whatever else was asked, and a higher fraction picks a superset.
     */
    public Corruption corruption(String symbol, BarInterval interval, Instant barStart) {
        if (invalidFraction <= 0) {
            return Corruption.NONE;
        }
        long sym = SeededHash.key(symbol);
        long ivl = SeededHash.key(interval.code());
        long time = barStart.getEpochSecond();
        if (SeededHash.unit(SeededHash.hash(seed, CORRUPT.tag, sym, ivl, time)) >= invalidFraction) {
            return Corruption.NONE;
        }
        long kind = SeededHash.hash(seed, CORRUPT_KIND.tag, sym, ivl, time);
        return KINDS[(int) Long.remainderUnsigned(kind, KINDS.length)];
    }

    // ---------------------------------------------------------------------------------------------------------
    // Prices

    /** The symbol's base price (KRW, on the tick grid). */
    public long basePrice(String symbol) {
        return KrxTickSize.round(basePrice(SeededHash.key(symbol)));
    }

    /** The close of {@code date} (meaningful for trading dates; KRW on the tick grid). */
    public long dailyClose(String symbol, LocalDate date) {
        return dailyClose(SeededHash.key(symbol), date);
    }

    /**
     * The close of the trading day before {@code date}: the reference of the ±30% limit and the first open of
     * {@code date}. The base price when no trading day lies within a year before.
     */
    public long previousClose(String symbol, LocalDate date) {
        return previousClose(SeededHash.key(symbol), date);
    }

    /**
     * The last traded price at {@code at}: inside a session the open of the running minute bar for its first 30
     * seconds and its close after; after the close the day's close; before the open or on a closed day the
     * previous trading day's close.
     */
    public long priceAt(String symbol, Instant at) {
        LocalDate date = calendar.tradingDate(at);
        Optional<Session> session = calendar.session(date);
        if (session.isEmpty() || at.isBefore(session.get().open())) {
            return previousClose(symbol, date);
        }
        if (!at.isBefore(session.get().close())) {
            return dailyClose(symbol, date);
        }
        MinutePath path = minutePath(symbol, date);
        long seconds = Duration.between(session.get().open(), at).toSeconds();
        int index = (int) Math.min(seconds / 60, path.size() - 1);
        return seconds % 60 < 30 ? path.open[index] : path.close[index];
    }

    /** Typical shares traded per minute for {@code symbol}, used to size volumes and order-book quantities. */
    public long averageMinuteVolume(String symbol) {
        return averageMinuteVolume(SeededHash.key(symbol));
    }

    private double basePrice(long sym) {
        double u = SeededHash.unit(SeededHash.hash(seed, BASE_PRICE.tag, sym));
        return Math.exp(Math.log(MIN_BASE_PRICE) + u * (Math.log(MAX_BASE_PRICE) - Math.log(MIN_BASE_PRICE)));
    }

    private long dailyClose(long sym, LocalDate date) {
        double u = SeededHash.signedUnit(SeededHash.hash(seed, DAY_CLOSE.tag, sym, date.toEpochDay()));
        return KrxTickSize.round(basePrice(sym) * (1.0 + DAILY_SWING * u));
    }

    private long previousClose(long sym, LocalDate date) {
        return calendar.previousTradingDay(date)
                .map(previous -> dailyClose(sym, previous))
                .orElseGet(() -> KrxTickSize.round(basePrice(sym)));
    }

    private long averageMinuteVolume(long sym) {
        double u = SeededHash.unit(SeededHash.hash(seed, DAILY_VALUE.tag, sym));
        double dailyValue = Math.exp(Math.log(MIN_DAILY_VALUE) + u * (Math.log(MAX_DAILY_VALUE) - Math.log(MIN_DAILY_VALUE)));
        return Math.max(1, Math.round(dailyValue / basePrice(sym) / REGULAR_SESSION_MINUTES));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The 1-minute path of one session

    private MinutePath minutePath(String symbol, LocalDate date) {
        List<Instant> starts = calendar.barStarts(date, BarInterval.ONE_MINUTE);
        int n = starts.size();
        MinutePath path = new MinutePath(symbol, starts);
        if (n == 0) {
            return path;
        }
        long sym = SeededHash.key(symbol);
        long day = date.toEpochDay();
        long previousClose = previousClose(sym, date);
        long upperLimit = KrxTickSize.floor(previousClose * (1 + PRICE_LIMIT));
        long lowerLimit = KrxTickSize.ceil(previousClose * (1 - PRICE_LIMIT));
        long dayClose = clamp(dailyClose(sym, date), lowerLimit, upperLimit);

        double[] walk = new double[n + 1];
        for (int i = 1; i <= n; i++) {
            walk[i] = walk[i - 1] + SeededHash.bell(SeededHash.hash(seed, STEP.tag, sym, day, i));
        }
        double sigma = MINUTE_VOLATILITY * previousClose;
        double drift = dayClose - previousClose;
        long averageVolume = averageMinuteVolume(sym);
        for (int i = 0; i < n; i++) {
            double fraction = (i + 1) / (double) n;
            // Brownian bridge: pinned to 0 at both ends, so the path starts at the previous close and ends at the close.
            double bridge = walk[i + 1] - fraction * walk[n];
            long close = i == n - 1
                    ? dayClose
                    : clamp(KrxTickSize.round(previousClose + drift * fraction + sigma * bridge), lowerLimit, upperLimit);
            long open = i == 0 ? previousClose : path.close[i - 1];
            long wick = SeededHash.hash(seed, WICK.tag, sym, day, i);
            long high = Math.max(open, close);
            for (int k = (int) Long.remainderUnsigned(wick, MAX_WICK_TICKS + 1); k > 0 && high < upperLimit; k--) {
                high = KrxTickSize.up(high);
            }
            long low = Math.min(open, close);
            for (int k = (int) Long.remainderUnsigned(wick >>> 16, MAX_WICK_TICKS + 1); k > 0 && low > lowerLimit; k--) {
                low = KrxTickSize.down(low);
            }
            path.open[i] = open;
            path.high[i] = high;
            path.low[i] = low;
            path.close[i] = close;
            path.volume[i] = volume(averageVolume, (i + 0.5) / n, SeededHash.hash(seed, VOLUME.tag, sym, day, i));
        }
        return path;
    }

    /** U-shaped over the session (busy open and close, quiet lunch), mean ≈ the average, at least one share. */
    private static long volume(long average, double timeOfDay, long hash) {
        double shape = (0.5 + 3.0 * (timeOfDay - 0.5) * (timeOfDay - 0.5)) / 0.75;
        double noise = 0.3 + 1.4 * SeededHash.unit(hash);
        return Math.max(1, Math.round(average * shape * noise));
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    private Bar corrupt(Bar bar, Corruption corruption, BarInterval interval, Session session) {
        return switch (corruption) {
            case NONE -> bar;
            case HIGH_BELOW_LOW -> {
                BigDecimal high = bar.low();
                if (bar.high().compareTo(bar.low()) == 0) {
                    high = BigDecimal.valueOf(KrxTickSize.down(bar.low().longValueExact()));
                }
                yield new Bar(bar.timestamp(), bar.symbol(), bar.open(), high, bar.high(), bar.close(), bar.volume(),
                        bar.value());
            }
            case NEGATIVE_VOLUME -> new Bar(bar.timestamp(), bar.symbol(), bar.open(), bar.high(), bar.low(),
                    bar.close(), -Math.max(1, bar.volume()), bar.value());
            case MISSING_FIELD -> new Bar(bar.timestamp(), bar.symbol(), bar.open(), bar.high(), bar.low(), null,
                    bar.volume(), bar.value());
            case OUT_OF_SESSION -> {
                // Shift by the session's length: every intraday slot lands before the open of the same date, and
                // distinct slots stay distinct (and on their minute grid).
                Duration shift = interval == BarInterval.ONE_DAY
                        ? DAILY_OUT_OF_SESSION_SHIFT
                        : Duration.between(session.open(), session.close());
                yield new Bar(bar.timestamp().minus(shift), bar.symbol(), bar.open(), bar.high(), bar.low(),
                        bar.close(), bar.volume(), bar.value());
            }
        };
    }

    /** The clean 1-minute OHLCV arrays of one session. */
    private static final class MinutePath {
        private final String symbol;
        private final List<Instant> starts;
        private final long[] open;
        private final long[] high;
        private final long[] low;
        private final long[] close;
        private final long[] volume;

        MinutePath(String symbol, List<Instant> starts) {
            int n = starts.size();
            this.symbol = symbol;
            this.starts = starts;
            this.open = new long[n];
            this.high = new long[n];
            this.low = new long[n];
            this.close = new long[n];
            this.volume = new long[n];
        }

        int size() {
            return starts.size();
        }

        int indexOf(Instant start) {
            long minutes = Duration.between(starts.get(0), start).toMinutes();
            return (int) minutes;
        }

        /** Aggregation of minutes {@code [from, to)}: first open, max high, min low, last close, summed volume and value. */
        Bar bar(int from, int to, Instant timestamp) {
            long h = Long.MIN_VALUE;
            long l = Long.MAX_VALUE;
            long v = 0;
            long value = 0;
            for (int i = from; i < to; i++) {
                h = Math.max(h, high[i]);
                l = Math.min(l, low[i]);
                v += volume[i];
                value = Math.addExact(value, Math.multiplyExact(close[i], volume[i]));
            }
            return new Bar(timestamp, symbol, BigDecimal.valueOf(open[from]), BigDecimal.valueOf(h),
                    BigDecimal.valueOf(l), BigDecimal.valueOf(close[to - 1]), v, BigDecimal.valueOf(value));
        }
    }
}
