package dev.marketpipe.systemtest;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.simulator.market.Corruption;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The simulator's ground truth (its seeded {@link BarGenerator}) against what the market tables hold: per
 * symbol-day exactly the bars the simulator served uncorrupted, with their values — no bar missing, none extra.
 */
final class GroundTruth {

    private static final MarketCalendar CALENDAR = MarketCalendar.krx();

    private final BarGenerator truth;

    GroundTruth(BarGenerator truth) {
        this.truth = truth;
    }

    /** The bars the market table must hold for one symbol-day: every bar the simulator did not corrupt. */
    Map<Instant, Bar> cleanBars(String symbol, BarInterval interval, LocalDate day) {
        Map<Instant, Bar> expected = new TreeMap<>();
        for (Instant start : CALENDAR.barStarts(day, interval)) {
            if (truth.corruption(symbol, interval, start) == Corruption.NONE) {
                expected.put(start, truth.trueBar(symbol, interval, start));
            }
        }
        return expected;
    }

    /**
     * The 5-minute bars a provider without 5-minute bars (KIS) yields: those built from five clean minutes (a
     * bucket with a corrupted minute is rejected, not added up).
     */
    Map<Instant, Bar> fiveMinuteBarsOfCleanMinutes(String symbol, LocalDate day) {
        Map<Instant, Bar> expected = new TreeMap<>();
        for (Instant start : CALENDAR.barStarts(day, BarInterval.FIVE_MINUTES)) {
            boolean clean = true;
            for (int m = 0; m < 5; m++) {
                clean &= truth.corruption(symbol, BarInterval.ONE_MINUTE, start.plusSeconds(60L * m)) == Corruption.NONE;
            }
            if (clean) {
                expected.put(start, truth.trueBar(symbol, BarInterval.FIVE_MINUTES, start));
            }
        }
        return expected;
    }

    void assertStoredEqualsTruth(ThrowawayPostgres postgres, String symbol, BarInterval interval, LocalDate day)
            throws SQLException {
        assertStoredEquals(postgres, symbol, interval, day, cleanBars(symbol, interval, day));
    }

    void assertStoredEquals(ThrowawayPostgres postgres, String symbol, BarInterval interval, LocalDate day,
            Map<Instant, Bar> expected) throws SQLException {
        Map<Instant, Bar> stored = storedBars(postgres, symbol, interval, day);
        assertEquals(expected.keySet(), stored.keySet(), symbol + " " + interval.code() + " " + day + ": same bars");
        for (Map.Entry<Instant, Bar> entry : expected.entrySet()) {
            assertSameValues(entry.getValue(), stored.get(entry.getKey()));
        }
    }

    static Map<Instant, Bar> storedBars(ThrowawayPostgres postgres, String symbol, BarInterval interval, LocalDate day)
            throws SQLException {
        String sql = interval == BarInterval.ONE_DAY
                ? "SELECT date, open, high, low, close, volume, value FROM market_data_daily WHERE symbol = ? AND date = ?"
                : "SELECT timestamp, open, high, low, close, volume, value FROM "
                        + (interval == BarInterval.FIVE_MINUTES ? "market_data_5min" : "market_data_1min")
                        + " WHERE symbol = ? AND timestamp >= ? AND timestamp < ?";
        Map<Instant, Bar> bars = new HashMap<>();
        try (Connection db = postgres.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, symbol);
            if (interval == BarInterval.ONE_DAY) {
                query.setObject(2, day);
            } else {
                query.setObject(2, day.atStartOfDay(CALENDAR.zone()).toOffsetDateTime());
                query.setObject(3, day.plusDays(1).atStartOfDay(CALENDAR.zone()).toOffsetDateTime());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant start = interval == BarInterval.ONE_DAY
                            ? CALENDAR.session(rows.getObject(1, LocalDate.class)).orElseThrow().open()
                            : rows.getObject(1, OffsetDateTime.class).toInstant();
                    bars.put(start, new Bar(start, symbol, rows.getBigDecimal(2), rows.getBigDecimal(3),
                            rows.getBigDecimal(4), rows.getBigDecimal(5), rows.getLong(6), rows.getBigDecimal(7)));
                }
            }
        }
        return bars;
    }

    /** How a stored day differs from the ground truth: bars missing, bars that should not be there, bars unequal. */
    record Difference(int missing, int extra, int mismatched) {

        Difference plus(Difference other) {
            return new Difference(missing + other.missing, extra + other.extra, mismatched + other.mismatched);
        }
    }

    Difference difference(ThrowawayPostgres postgres, String symbol, BarInterval interval, LocalDate day)
            throws SQLException {
        Map<Instant, Bar> expected = cleanBars(symbol, interval, day);
        Map<Instant, Bar> stored = storedBars(postgres, symbol, interval, day);
        int missing = 0;
        int mismatched = 0;
        for (Map.Entry<Instant, Bar> entry : expected.entrySet()) {
            Bar found = stored.get(entry.getKey());
            if (found == null) {
                missing++;
            } else if (!sameValues(entry.getValue(), found)) {
                mismatched++;
            }
        }
        int extra = (int) stored.keySet().stream().filter(at -> !expected.containsKey(at)).count();
        return new Difference(missing, extra, mismatched);
    }

    private static boolean sameValues(Bar expected, Bar stored) {
        return expected.open().compareTo(stored.open()) == 0 && expected.high().compareTo(stored.high()) == 0
                && expected.low().compareTo(stored.low()) == 0 && expected.close().compareTo(stored.close()) == 0
                && java.util.Objects.equals(expected.volume(), stored.volume()) && expected.value().compareTo(stored.value()) == 0;
    }

    private static void assertSameValues(Bar expected, Bar stored) {
        String at = expected.symbol() + " " + expected.timestamp();
        assertEquals(0, expected.open().compareTo(stored.open()), at + " open");
        assertEquals(0, expected.high().compareTo(stored.high()), at + " high");
        assertEquals(0, expected.low().compareTo(stored.low()), at + " low");
        assertEquals(0, expected.close().compareTo(stored.close()), at + " close");
        assertEquals(expected.volume(), stored.volume(), at + " volume");
        assertEquals(0, expected.value().compareTo(stored.value()), at + " value");
    }
}
