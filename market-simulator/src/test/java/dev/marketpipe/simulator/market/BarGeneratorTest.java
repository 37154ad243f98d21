package dev.marketpipe.simulator.market;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.market.KrxTickSize;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BarGeneratorTest {

    private static final MarketCalendar KRX = MarketCalendar.krx();
    private static final List<String> SYMBOLS = List.of("005930", "000660", "035420", "005380", "051910", "006400",
            "035720", "000270", "068270", "105560", "055550", "012330", "028260", "066570", "003550", "096770",
            "017670", "034730", "015760", "032830");
    private static final LocalDate REGULAR_DAY = LocalDate.parse("2025-03-04");
    private static final LocalDate SEOLLAL = LocalDate.parse("2025-01-28");

    private final BarGenerator generator = new BarGenerator(42, KRX, 0.0);

    @Test
    void twoInstancesWithTheSameSeedServeIdenticalBars() {
        BarGenerator other = new BarGenerator(42, MarketCalendar.krx(), 0.0);
        for (BarInterval interval : BarInterval.values()) {
            assertEquals(generator.servedBars("005930", interval, REGULAR_DAY),
                    other.servedBars("005930", interval, REGULAR_DAY));
        }
        // Asking in another order (or asking other things first) changes nothing: no shared random state.
        other.servedBars("000660", BarInterval.ONE_MINUTE, REGULAR_DAY.plusDays(1));
        assertEquals(generator.trueBar("005930", BarInterval.ONE_MINUTE, Instant.parse("2025-03-04T03:17:00Z")),
                other.trueBar("005930", BarInterval.ONE_MINUTE, Instant.parse("2025-03-04T03:17:00Z")));
    }

    @Test
    void aDifferentSeedServesDifferentBars() {
        BarGenerator other = new BarGenerator(43, KRX, 0.0);
        assertNotEquals(generator.servedBars("005930", BarInterval.ONE_MINUTE, REGULAR_DAY),
                other.servedBars("005930", BarInterval.ONE_MINUTE, REGULAR_DAY));
        assertNotEquals(generator.basePrice("005930"), other.basePrice("005930"));
    }

    @Test
    void differentSymbolsHaveDifferentPrices() {
        Set<Long> bases = new HashSet<>();
        for (String symbol : SYMBOLS) {
            long base = generator.basePrice(symbol);
            assertTrue(base >= 4_500 && base <= 510_000, symbol + " base " + base);
            bases.add(base);
        }
        assertTrue(bases.size() >= SYMBOLS.size() - 1, "base prices should differ between symbols: " + bases);
    }

    @Test
    void cleanBarsAreOhlcConsistentOnTheTickGridWithPositiveVolumeAndValueCloseTimesVolume() {
        int checked = 0;
        for (String symbol : SYMBOLS) {
            for (LocalDate date : KRX.tradingDays(LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-14"))) {
                for (BarInterval interval : BarInterval.values()) {
                    for (Bar bar : generator.trueBars(symbol, interval, date)) {
                        long open = bar.open().longValueExact();
                        long high = bar.high().longValueExact();
                        long low = bar.low().longValueExact();
                        long close = bar.close().longValueExact();
                        assertTrue(high >= Math.max(open, close) && low <= Math.min(open, close) && low > 0, bar::toString);
                        for (long price : new long[] {open, high, low, close}) {
                            assertTrue(KrxTickSize.isOnGrid(price), () -> price + " off the tick grid in " + bar);
                        }
                        assertTrue(bar.volume() > 0, bar::toString);
                        assertEquals(symbol, bar.symbol());
                        if (interval == BarInterval.ONE_MINUTE) {
                            assertEquals(BigDecimal.valueOf(close * bar.volume()), bar.value());
                        }
                        checked++;
                    }
                }
            }
        }
        assertEquals(SYMBOLS.size() * 9 * (390 + 78 + 1), checked);
    }

    @Test
    void eachMinuteOpensAtThePreviousCloseAndTheSessionEndsAtTheDailyClose() {
        for (String symbol : SYMBOLS) {
            List<Bar> minutes = generator.trueBars(symbol, BarInterval.ONE_MINUTE, REGULAR_DAY);
            assertEquals(generator.previousClose(symbol, REGULAR_DAY), minutes.get(0).open().longValueExact());
            for (int i = 1; i < minutes.size(); i++) {
                assertEquals(minutes.get(i - 1).close(), minutes.get(i).open());
            }
            assertEquals(generator.dailyClose(symbol, REGULAR_DAY), minutes.get(389).close().longValueExact());
        }
        // the previous trading day of 2025-03-04 is Friday 2025-02-28 (03-03 is a holiday, then a weekend)
        assertEquals(generator.dailyClose("005930", LocalDate.parse("2025-02-28")),
                generator.previousClose("005930", REGULAR_DAY));
    }

    @Test
    void dayToDayMovesAndIntradayPricesStayWithinTheThirtyPercentLimit() {
        List<LocalDate> days = KRX.tradingDays(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"));
        double largestMove = 0;
        for (String symbol : SYMBOLS) {
            for (LocalDate date : days) {
                Bar daily = generator.trueBars(symbol, BarInterval.ONE_DAY, date).get(0);
                double previous = generator.previousClose(symbol, date);
                double move = daily.close().doubleValue() / previous - 1;
                largestMove = Math.max(largestMove, Math.abs(move));
                assertTrue(daily.high().doubleValue() <= previous * 1.3 && daily.low().doubleValue() >= previous * 0.7,
                        () -> symbol + " " + date + " " + daily + " previous close " + previous);
            }
        }
        assertTrue(largestMove < 0.3, "largest close-to-close move " + largestMove);
        assertTrue(largestMove > 0.05, "prices should move at all, largest move " + largestMove);
    }

    @Test
    void fiveMinuteAndDailyBarsAreTheExactAggregationOfOneMinuteBars() {
        for (String symbol : List.of("005930", "000660", "035720")) {
            for (LocalDate date : List.of(REGULAR_DAY, LocalDate.parse("2025-11-13"), LocalDate.parse("2025-01-02"))) {
                List<Bar> minutes = generator.trueBars(symbol, BarInterval.ONE_MINUTE, date);
                List<Bar> fives = generator.trueBars(symbol, BarInterval.FIVE_MINUTES, date);
                assertEquals(minutes.size() / 5, fives.size());
                for (int k = 0; k < fives.size(); k++) {
                    assertEquals(aggregate(minutes.subList(5 * k, 5 * k + 5)), fives.get(k));
                }
                Bar daily = generator.trueBars(symbol, BarInterval.ONE_DAY, date).get(0);
                assertEquals(aggregate(minutes), daily);
                assertEquals(KRX.session(date).orElseThrow().open(), daily.timestamp());
            }
        }
    }

    @Test
    void regularDayHas390MinuteBarsAndAHolidayHasNone() {
        List<Bar> minutes = generator.servedBars("005930", BarInterval.ONE_MINUTE, REGULAR_DAY);
        assertEquals(390, minutes.size());
        assertEquals(Instant.parse("2025-03-04T00:00:00Z"), minutes.get(0).timestamp());
        assertEquals(Instant.parse("2025-03-04T06:29:00Z"), minutes.get(389).timestamp());
        assertEquals(78, generator.servedBars("005930", BarInterval.FIVE_MINUTES, REGULAR_DAY).size());
        assertEquals(1, generator.servedBars("005930", BarInterval.ONE_DAY, REGULAR_DAY).size());
        for (BarInterval interval : BarInterval.values()) {
            assertTrue(generator.servedBars("005930", interval, SEOLLAL).isEmpty());
            assertTrue(generator.servedBars("005930", interval, LocalDate.parse("2025-03-08")).isEmpty()); // Saturday
        }
        // special session: the CSAT day runs 10:00-16:30 KST
        List<Bar> csat = generator.servedBars("005930", BarInterval.ONE_MINUTE, LocalDate.parse("2025-11-13"));
        assertEquals(390, csat.size());
        assertEquals(Instant.parse("2025-11-13T01:00:00Z"), csat.get(0).timestamp());
    }

    @Test
    void trueBarAgreesWithTheDayListAndRefusesAnInstantThatIsNoBarStart() {
        List<Bar> fives = generator.trueBars("068270", BarInterval.FIVE_MINUTES, REGULAR_DAY);
        assertEquals(fives.get(17), generator.trueBar("068270", BarInterval.FIVE_MINUTES, fives.get(17).timestamp()));
        List<Bar> minutes = generator.trueBars("068270", BarInterval.ONE_MINUTE, REGULAR_DAY);
        assertEquals(minutes.get(389), generator.trueBar("068270", BarInterval.ONE_MINUTE, minutes.get(389).timestamp()));
        assertThrows(IllegalArgumentException.class,
                () -> generator.trueBar("068270", BarInterval.ONE_MINUTE, Instant.parse("2025-03-04T06:30:00Z")));
        assertThrows(IllegalArgumentException.class,
                () -> generator.trueBar("068270", BarInterval.FIVE_MINUTES, Instant.parse("2025-03-04T00:01:00Z")));
        assertThrows(IllegalArgumentException.class,
                () -> generator.trueBar("068270", BarInterval.ONE_DAY, Instant.parse("2025-01-28T00:00:00Z")));
    }

    @Test
    void zeroInvalidFractionServesExactlyTheTrueBars() {
        for (BarInterval interval : BarInterval.values()) {
            assertEquals(generator.trueBars("005380", interval, REGULAR_DAY),
                    generator.servedBars("005380", interval, REGULAR_DAY));
        }
        assertEquals(Corruption.NONE, generator.corruption("005380", BarInterval.ONE_MINUTE, Instant.parse("2025-03-04T00:00:00Z")));
    }

    @Test
    void invalidFractionOfTenPercentCorruptsAboutTenPercentWithEveryKindReplacingTheCleanBar() {
        BarGenerator spoiling = new BarGenerator(42, KRX, 0.1);
        Map<Corruption, Integer> kinds = new EnumMap<>(Corruption.class);
        int total = 0;
        for (String symbol : SYMBOLS) {
            for (LocalDate date : KRX.tradingDays(LocalDate.parse("2025-03-04"), LocalDate.parse("2025-03-21"))) {
                Session session = KRX.session(date).orElseThrow();
                List<ServedBar> served = spoiling.servedRecords(symbol, BarInterval.ONE_MINUTE, date);
                List<Bar> clean = generator.trueBars(symbol, BarInterval.ONE_MINUTE, date);
                assertEquals(clean.size(), served.size(), "a corrupted bar replaces the clean one, it is not added");
                assertEquals(served.stream().map(ServedBar::bar).toList(),
                        spoiling.servedBars(symbol, BarInterval.ONE_MINUTE, date));
                Map<Instant, Bar> cleanBySlot = new HashMap<>();
                clean.forEach(bar -> cleanBySlot.put(bar.timestamp(), bar));
                Set<Instant> timestamps = new HashSet<>();
                Instant previous = Instant.MIN;
                for (ServedBar record : served) {
                    Bar bar = record.bar();
                    assertTrue(timestamps.add(bar.timestamp()), "timestamps stay unique");
                    assertFalse(bar.timestamp().isBefore(previous), "served in time order");
                    previous = bar.timestamp();
                    assertEquals(record.corruption(), spoiling.corruption(symbol, BarInterval.ONE_MINUTE, record.slot()));
                    kinds.merge(record.corruption(), 1, Integer::sum);
                    total++;
                    assertCorruptionVisible(record, cleanBySlot.get(record.slot()), session, date);
                }
            }
        }
        double share = 1.0 - kinds.getOrDefault(Corruption.NONE, 0) / (double) total;
        assertTrue(share > 0.09 && share < 0.11, "corrupted share " + share + " of " + total);
        for (Corruption kind : Corruption.values()) {
            assertTrue(kinds.getOrDefault(kind, 0) > total / 100, kind + " appears: " + kinds);
        }
    }

    @Test
    void raisingTheFractionOnlyAddsCorruptedBars() {
        BarGenerator low = new BarGenerator(42, KRX, 0.05);
        BarGenerator high = new BarGenerator(42, KRX, 0.2);
        int lowCount = 0;
        for (Instant slot : KRX.barStarts(REGULAR_DAY, BarInterval.ONE_MINUTE)) {
            Corruption lowKind = low.corruption("005930", BarInterval.ONE_MINUTE, slot);
            if (lowKind != Corruption.NONE) {
                lowCount++;
                assertEquals(lowKind, high.corruption("005930", BarInterval.ONE_MINUTE, slot));
            }
        }
        assertTrue(lowCount > 0);
    }

    @Test
    void corruptedDailyAndFiveMinuteBarsAreServedToo() {
        BarGenerator allSpoiled = new BarGenerator(42, KRX, 1.0);
        List<ServedBar> fives = allSpoiled.servedRecords("005930", BarInterval.FIVE_MINUTES, REGULAR_DAY);
        assertEquals(78, fives.size());
        assertTrue(fives.stream().noneMatch(s -> s.corruption() == Corruption.NONE));
        Session session = KRX.session(REGULAR_DAY).orElseThrow();
        for (ServedBar record : fives) {
            assertCorruptionVisible(record, allSpoiled.trueBar("005930", BarInterval.FIVE_MINUTES, record.slot()),
                    session, REGULAR_DAY);
        }
    }

    @Test
    void aDayOfMinuteBarsIsCheapToCompute() {
        long started = System.nanoTime();
        int bars = 0;
        for (LocalDate date : KRX.tradingDays(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"))) {
            bars += generator.servedBars("005930", BarInterval.ONE_MINUTE, date).size();
        }
        double millisPerDay = (System.nanoTime() - started) / 1e6 / 245;
        assertTrue(bars > 240 * 390);
        // generous bound for a shared 2-core machine and a cold JIT; typically well under 1 ms per day
        assertTrue(millisPerDay < 20, "ms per day: " + millisPerDay);
    }

    @Test
    void priceAtFollowsTheSession() {
        Session session = KRX.session(REGULAR_DAY).orElseThrow();
        List<Bar> minutes = generator.trueBars("005930", BarInterval.ONE_MINUTE, REGULAR_DAY);
        assertEquals(generator.previousClose("005930", REGULAR_DAY), generator.priceAt("005930", session.open().minusSeconds(1)));
        assertEquals(minutes.get(10).open().longValueExact(), generator.priceAt("005930", session.open().plusSeconds(605)));
        assertEquals(minutes.get(10).close().longValueExact(), generator.priceAt("005930", session.open().plusSeconds(645)));
        assertEquals(generator.dailyClose("005930", REGULAR_DAY), generator.priceAt("005930", session.close()));
        assertEquals(generator.dailyClose("005930", LocalDate.parse("2025-01-24")),
                generator.priceAt("005930", Instant.parse("2025-01-28T03:00:00Z")));
    }

    @Test
    void anInvalidFractionOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BarGenerator(1, KRX, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new BarGenerator(1, KRX, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new BarGenerator(1, KRX, Double.NaN));
    }

    private static void assertCorruptionVisible(ServedBar record, Bar clean, Session session, LocalDate date) {
        Bar bar = record.bar();
        switch (record.corruption()) {
            case NONE -> assertEquals(clean, bar);
            case HIGH_BELOW_LOW -> assertTrue(bar.high().compareTo(bar.low()) < 0, bar::toString);
            case NEGATIVE_VOLUME -> assertTrue(bar.volume() < 0, bar::toString);
            case MISSING_FIELD -> {
                assertNull(bar.close());
                assertNotNull(bar.open());
            }
            case OUT_OF_SESSION -> {
                assertTrue(bar.timestamp().isBefore(session.open()), bar::toString);
                assertEquals(date, KRX.tradingDate(bar.timestamp()));
                assertEquals(0, bar.timestamp().getEpochSecond() % 60);
            }
        }
        if (record.corruption() != Corruption.OUT_OF_SESSION) {
            assertEquals(record.slot(), bar.timestamp());
        }
    }

    private static Bar aggregate(List<Bar> minutes) {
        BigDecimal high = minutes.get(0).high();
        BigDecimal low = minutes.get(0).low();
        long volume = 0;
        BigDecimal value = BigDecimal.ZERO;
        for (Bar m : minutes) {
            high = high.max(m.high());
            low = low.min(m.low());
            volume += m.volume();
            value = value.add(m.value());
        }
        return new Bar(minutes.get(0).timestamp(), minutes.get(0).symbol(), minutes.get(0).open(), high, low,
                minutes.get(minutes.size() - 1).close(), volume, value);
    }
}
