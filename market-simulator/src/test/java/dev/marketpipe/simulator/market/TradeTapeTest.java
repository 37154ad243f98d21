package dev.marketpipe.simulator.market;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.market.KrxTickSize;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tape's trades aggregate exactly into the generator's true 1-minute bars, at any density. */
class TradeTapeTest {

    /** The benchmark's 40 symbols (bench/realtime.sh): the configured 20 and 20 more KRX codes. */
    static final List<String> BENCH_SYMBOLS = List.of("005930", "000660", "035420", "005380", "051910", "006400",
            "035720", "000270", "068270", "105560", "055550", "012330", "028260", "066570", "003550", "096770",
            "017670", "034730", "015760", "032830", "207940", "005490", "373220", "000810", "086790", "011200",
            "010130", "033780", "009150", "018260", "316140", "024110", "011170", "010950", "036570", "251270",
            "090430", "047050", "012450", "003670");
    /**
     * 40 to 110 trades a minute (75 on average: 50 trades/s over 40 symbols), ten times as dense for 10 s in every
     * third minute (500 trades/s over 40 symbols): the benchmark's tape.
     */
    private static final TradeTape.Density DENSE = new TradeTape.Density(40, 110, new TradeTape.Burst(3, 50, 10, 10));

    private static final List<String> SYMBOLS = List.of("005930", "000660", "035420", "068270", "032830");
    /** A Tuesday and a Friday; 2025-03-04's previous trading day is Monday 2025-03-03 (after the 3/1 holiday). */
    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2025, 3, 4), LocalDate.of(2025, 3, 7));

    private final BarGenerator bars = new BarGenerator(42, MarketCalendar.krx(), 0.0);
    private final TradeTape tape = new TradeTape(bars);

    @Test
    void eachMinutesTradesAggregateIntoThatMinutesTrueBar() {
        assertAggregates(tape, SYMBOLS, DAYS, TradeTape.MAX_TRADES_PER_MINUTE);
    }

    @Test
    void aDenseTapeWithBurstsStillAggregatesIntoTheTrueBars() {
        TradeTape dense = new TradeTape(bars, DENSE);
        // the burst minutes hold (60 - 10 + 10 x 10) / 60 = 2.5 times the usual draw: at most 275 trades
        assertAggregates(dense, BENCH_SYMBOLS, List.of(LocalDate.of(2025, 3, 4), LocalDate.of(2026, 12, 4)), 275);
    }

    @Test
    void theDenseTapeTradesAboutItsMeanAndTenTimesAsDenselyInItsBursts() {
        TradeTape dense = new TradeTape(bars, DENSE);
        LocalDate date = LocalDate.of(2025, 3, 4);
        long quiet = 0;
        long quietMinutes = 0;
        long inBurst = 0;
        long besideBurst = 0;
        for (String symbol : BENCH_SYMBOLS) {
            TradeTape.Day day = dense.day(symbol, date);
            List<Bar> minutes = bars.trueBars(symbol, BarInterval.ONE_MINUTE, date);
            for (int i = 0; i < minutes.size(); i++) {
                Instant start = minutes.get(i).timestamp();
                List<TradeTape.Trade> trades = day.between(start, start.plusSeconds(60));
                if (trades.size() == minutes.get(i).volume()) {
                    continue; // capped by the bar's volume
                }
                if (i % 3 == 2) {
                    inBurst += day.between(start.plusSeconds(50), start.plusSeconds(60)).size();
                    besideBurst += day.between(start, start.plusSeconds(50)).size();
                } else {
                    quiet += trades.size();
                    quietMinutes++;
                }
            }
        }
        double mean = quiet / (double) quietMinutes;
        assertTrue(mean > 72 && mean < 78, "mean trades a minute outside bursts: " + mean);
        // per second: 10 s of burst against 50 s beside it
        double ratio = (inBurst / 10.0) / (besideBurst / 50.0);
        assertTrue(ratio > 9 && ratio < 11, "burst seconds are ten times as dense: " + ratio);
    }

    @Test
    void theDefaultDensityIsTheOriginalTapeAndBurstsOnlyChangeTheirMinutes() {
        LocalDate date = DAYS.get(0);
        assertEquals(tape.day("005930", date), new TradeTape(bars, TradeTape.Density.DEFAULT).day("005930", date));
        TradeTape.Density bursty = new TradeTape.Density(5, 60, new TradeTape.Burst(5, 0, 20, 4));
        TradeTape.Day plain = tape.day("005930", date);
        TradeTape.Day burst = new TradeTape(bars, bursty).day("005930", date);
        List<Bar> minutes = bars.trueBars("005930", BarInterval.ONE_MINUTE, date);
        for (int i = 0; i < 10; i++) {
            Instant start = minutes.get(i).timestamp();
            int plainCount = plain.between(start, start.plusSeconds(60)).size();
            int burstCount = burst.between(start, start.plusSeconds(60)).size();
            if (i == 4 || i == 9) {
                assertTrue(burstCount > plainCount, "minute " + i + " is a burst minute");
            } else {
                assertEquals(plainCount, burstCount, "minute " + i + " is not");
            }
        }
    }

    @Test
    void aDensityOrBurstThatCannotBeTradedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TradeTape.Density(0, 10, TradeTape.Burst.NONE));
        assertThrows(IllegalArgumentException.class, () -> new TradeTape.Density(20, 10, TradeTape.Burst.NONE));
        assertThrows(IllegalArgumentException.class, () -> new TradeTape.Burst(-1, 50, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new TradeTape.Burst(3, 55, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new TradeTape.Burst(3, 50, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new TradeTape.Burst(3, 50, 10, 0.5));
    }

    /** Every minute's trades are the minute's true bar: open, close, high, low, volume and value, exactly. */
    private void assertAggregates(TradeTape tape, List<String> symbols, List<LocalDate> days, int maxPerMinute) {
        for (String symbol : symbols) {
            for (LocalDate date : days) {
                List<Bar> minutes = bars.trueBars(symbol, BarInterval.ONE_MINUTE, date);
                TradeTape.Day day = tape.day(symbol, date);
                assertEquals(390, minutes.size());
                long valueBefore = 0;
                long volumeBefore = 0;
                for (Bar bar : minutes) {
                    String where = symbol + " " + bar.timestamp();
                    List<TradeTape.Trade> trades = day.between(bar.timestamp(), bar.timestamp().plusSeconds(60));
                    assertTrue(!trades.isEmpty() && trades.size() <= maxPerMinute, where);
                    assertTrue(trades.size() <= bar.volume(), where);
                    assertEquals(bar.open().longValueExact(), trades.get(0).price(), where);
                    assertEquals(bar.close().longValueExact(), trades.get(trades.size() - 1).price(), where);
                    assertEquals(bar.high().longValueExact(),
                            trades.stream().mapToLong(TradeTape.Trade::price).max().orElseThrow(), where);
                    assertEquals(bar.low().longValueExact(),
                            trades.stream().mapToLong(TradeTape.Trade::price).min().orElseThrow(), where);
                    assertEquals(bar.volume(), trades.stream().mapToLong(TradeTape.Trade::quantity).sum(), where);
                    TradeTape.Trade last = trades.get(trades.size() - 1);
                    assertEquals(bar.volume(), last.cumulativeVolume() - volumeBefore, where);
                    assertEquals(bar.value().longValueExact(), last.cumulativeValue() - valueBefore, where);
                    for (TradeTape.Trade trade : trades) {
                        assertTrue(KrxTickSize.isOnGrid(trade.price()), where + " " + trade);
                        assertTrue(trade.quantity() > 0, where);
                        assertEquals(bars.previousClose(symbol, date), trade.previousClose(), where);
                        assertEquals(bar.timestamp(), trade.at().truncatedTo(ChronoUnit.MINUTES),
                                where);
                    }
                    volumeBefore = last.cumulativeVolume();
                    valueBefore = last.cumulativeValue();
                }
                assertEquals(day.trades().size(), day.between(minutes.get(0).timestamp(),
                        minutes.get(389).timestamp().plusSeconds(60)).size(), "every trade lies in a minute");
            }
        }
    }

    @Test
    void tradesRunForwardWithRisingTotalsAndRunningHighAndLow() {
        for (String symbol : SYMBOLS) {
            for (LocalDate date : DAYS) {
                TradeTape.Day day = tape.day(symbol, date);
                TradeTape.Trade previous = null;
                long high = Long.MIN_VALUE;
                long low = Long.MAX_VALUE;
                for (TradeTape.Trade trade : day.trades()) {
                    high = Math.max(high, trade.price());
                    low = Math.min(low, trade.price());
                    assertEquals(high, trade.dayHigh());
                    assertEquals(low, trade.dayLow());
                    if (previous != null) {
                        assertTrue(!trade.at().isBefore(previous.at()), trade + " after " + previous);
                        assertTrue(trade.cumulativeVolume() > previous.cumulativeVolume());
                        assertTrue(trade.cumulativeValue() >= previous.cumulativeValue());
                        if (trade.price() != previous.price()) {
                            assertEquals(trade.price() > previous.price(), trade.buyerInitiated());
                        }
                    }
                    previous = trade;
                }
                assertEquals(bars.trueBars(symbol, BarInterval.ONE_DAY, date).get(0).volume(),
                        previous.cumulativeVolume());
            }
        }
    }

    @Test
    void aMinutesTradesFallWithinItsSixtySecondsAndSometimesShareASecond() {
        TradeTape.Day day = tape.day("005930", DAYS.get(0));
        int shared = 0;
        for (Bar bar : bars.trueBars("005930", BarInterval.ONE_MINUTE, DAYS.get(0))) {
            List<TradeTape.Trade> trades = day.between(bar.timestamp(), bar.timestamp().plusSeconds(60));
            for (int i = 0; i < trades.size(); i++) {
                long second = Duration.between(bar.timestamp(), trades.get(i).at()).toSeconds();
                assertTrue(second >= 0 && second <= 59);
                if (i > 0 && trades.get(i).at().equals(trades.get(i - 1).at())) {
                    shared++;
                }
            }
        }
        assertTrue(shared > 0);
    }

    @Test
    void theSameSeedTradesTheSameTapeAndAnotherSeedAnother() {
        TradeTape.Day day = tape.day("000660", DAYS.get(1));
        assertEquals(day, new TradeTape(new BarGenerator(42, MarketCalendar.krx(), 0.3)).day("000660", DAYS.get(1)));
        assertTrue(!day.equals(new TradeTape(new BarGenerator(7, MarketCalendar.krx(), 0.0)).day("000660", DAYS.get(1))));
    }

    @Test
    void aTimeRangeHoldsTheTradesAtOrAfterItsStartAndBeforeItsEnd() {
        Instant from = Instant.parse("2025-03-04T01:00:10Z");
        Instant to = Instant.parse("2025-03-04T01:03:20Z");
        List<TradeTape.Trade> expected = new ArrayList<>();
        for (TradeTape.Trade trade : tape.day("005930", DAYS.get(0)).trades()) {
            if (!trade.at().isBefore(from) && trade.at().isBefore(to)) {
                expected.add(trade);
            }
        }
        assertTrue(!expected.isEmpty());
        assertEquals(expected, tape.trades("005930", from, to));
        assertEquals(List.of(), tape.trades("005930", Instant.parse("2025-03-08T01:00:00Z"),
                Instant.parse("2025-03-09T01:00:00Z")), "a weekend has no trades");
        assertEquals(List.of(), tape.day("005930", LocalDate.of(2025, 3, 8)).trades());
    }

    @Test
    void everyMinuteOfTheConfiguredUniverseHasVolumeForItsPricePoints() {
        // The one case the tape cannot trade exactly is a minute with fewer shares than distinct price points.
        // (the configured universe and the benchmark's 20 more symbols)
        MarketCalendar calendar = MarketCalendar.krx();
        for (String symbol : BENCH_SYMBOLS) {
            for (LocalDate date : calendar.tradingDays(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))) {
                for (Bar bar : bars.trueBars(symbol, BarInterval.ONE_MINUTE, date)) {
                    assertTrue(bar.volume() >= 4, symbol + " " + bar.timestamp() + " volume " + bar.volume());
                }
            }
        }
    }
}
