package dev.marketpipe.market;

import java.time.LocalDate;

/**
 * The KRX price grid (호가가격단위, the table in force since 2023 for stocks of every market): the tick size depends
 * on the price band. Every band's lower bound is a multiple of that band's tick and of the tick below it, so
 * stepping or rounding across a band boundary always lands on a valid price. Shared, so that the simulator's prices
 * and the validator's tick-grid check read the one table. ETFs and ETNs trade on a flat 5 KRW tick
 * instead; the validator configures those symbols.
 */
public final class KrxTickSize {

    /** The first trading date of this table (one table for KOSPI and KOSDAQ since the 2023 reform). */
    public static final LocalDate IN_FORCE_SINCE = LocalDate.of(2023, 1, 25);

    private static final long[] BAND_UPPER = {2_000, 5_000, 20_000, 50_000, 200_000, 500_000};
    private static final long[] BAND_TICK = {1, 5, 10, 50, 100, 500};
    private static final long TOP_TICK = 1_000;

    private KrxTickSize() {
    }

    /** Tick size at {@code price} (KRW). */
    public static long tick(double price) {
        for (int i = 0; i < BAND_UPPER.length; i++) {
            if (price < BAND_UPPER[i]) {
                return BAND_TICK[i];
            }
        }
        return TOP_TICK;
    }

    /** True when {@code price} is positive and on the grid of its own band. */
    public static boolean isOnGrid(long price) {
        return price > 0 && price % tick(price) == 0;
    }

    /** Nearest grid price. */
    public static long round(double price) {
        long tick = tick(price);
        return Math.max(tick, Math.round(price / tick) * tick);
    }

    /** Largest grid price ≤ {@code price}. */
    public static long floor(double price) {
        long tick = tick(price);
        return Math.max(tick, (long) Math.floor(price / tick) * tick);
    }

    /** Smallest grid price ≥ {@code price}. */
    public static long ceil(double price) {
        long tick = tick(price);
        return (long) Math.ceil(price / tick) * tick;
    }

    /** The next grid price above {@code price} (a grid price). */
    public static long up(long price) {
        return price + tick(price);
    }

    /** The next grid price below {@code price} (a grid price); the tick is the one of the band just below. */
    public static long down(long price) {
        return price - tick(price - 1);
    }
}
