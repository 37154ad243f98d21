package dev.marketpipe.validator.quality;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.testsupport.MovableClock;
import dev.marketpipe.validator.config.ValidatorConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sliding-window score, its quality alert (once per crossing) and the bounded per-symbol days; a test clock. */
class QualityTrackerTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2025-03-04T01:00:00Z"));
    private final MeterRegistry registry = new SimpleMeterRegistry();

    /** A tracker whose alert needs just one record, so the window's arithmetic stays small. */
    private QualityTracker tracker(int retainedDays, int maxSymbols) {
        return new QualityTracker(quality(0.98, 1, Duration.ofMinutes(15), retainedDays, maxSymbols), registry,
                MarketCalendar.krx(), clock);
    }

    private double alerts() {
        return registry.counter("marketpipe.validator.quality.alerts").count();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    @Test
    void alertFiresOnceOnCrossingAndOnceMoreOnlyAfterRecovery() {
        QualityTracker tracker = tracker(7, 100);
        tracker.record(Verdicts.bars("005930", "2025-03-04T00:00:00Z", 98, 1, 1, 0));
        assertEquals(0.98, gauge("marketpipe.validator.quality.score.ratio"), 1e-12);
        assertEquals(0, gauge("marketpipe.validator.quality.below.threshold"), "exactly 98% is not below");
        assertEquals(0, alerts());

        tracker.record(Verdicts.bars("005930", "2025-03-04T00:00:00Z", 0, 0, 1, 0)); // 98/101
        assertEquals(1, gauge("marketpipe.validator.quality.below.threshold"));
        assertEquals(1, alerts(), "one alert on crossing");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            tracker.record(Verdicts.bars("000660", "2025-03-04T00:00:00Z", 5, 0, 5, 0));
        }
        assertEquals(1, alerts(), "no further alert while it stays below");

        clock.advance(Duration.ofMinutes(16)); // every bad record left the window
        assertEquals(1.0, gauge("marketpipe.validator.quality.score.ratio"), 1e-12);
        assertEquals(0, gauge("marketpipe.validator.quality.below.threshold"), "recovered");

        tracker.record(Verdicts.bars("005930", "2025-03-04T00:00:00Z", 10, 0, 0, 0));
        assertEquals(1, alerts());
        tracker.record(Verdicts.bars("005930", "2025-03-04T00:00:00Z", 0, 1, 0, 0));
        assertEquals(2, alerts(), "a new crossing after recovery alerts again");
        assertTrue(tracker.belowThreshold());
    }

    @ParameterizedTest(name = "{0} bad records, then {1} clean: alert {2}")
    @CsvSource({
            "99, 0, 0",   // every record bad, but fewer than the 100 the alert needs
            "100, 0, 1",  // the minimum sample
            "99, 1, 1",   // the 100th record, clean, completes the sample: 1% is below 98%
    })
    void alertWaitsForItsMinimumSample(int bad, int clean, int alerted) {
        QualityTracker tracker = new QualityTracker(quality(0.98, 100, Duration.ofMinutes(15), 7, 100), registry,
                MarketCalendar.krx(), clock);
        tracker.record(Verdicts.bars("005930", "2025-03-04T00:00:00Z", 0, 0, bad, 0));
        tracker.record(Verdicts.bars("005930", "2025-03-04T03:00:00Z", clean, 0, 0, 0));

        assertTrue(tracker.windowScore() < 0.02, "the score itself is reported whatever the sample");
        assertEquals(alerted, gauge("marketpipe.validator.quality.below.threshold"));
        assertEquals(alerted, alerts());
    }

    @Test
    void alertRecoversWhenTheWindowShrinksBelowTheMinimumSample() {
        QualityTracker tracker = new QualityTracker(quality(0.98, 100, Duration.ofMinutes(15), 7, 100), registry,
                MarketCalendar.krx(), clock);
        tracker.record(Verdicts.bars("005930", "2025-03-04T00:00:00Z", 0, 0, 100, 0));
        assertTrue(tracker.belowThreshold());
        clock.advance(Duration.ofMinutes(16));
        tracker.record(Verdicts.bars("005930", "2025-03-04T01:00:00Z", 0, 0, 50, 0));

        assertEquals(0.0, tracker.windowScore(), 1e-12);
        assertFalse(tracker.belowThreshold(), "50 records are no sample");
        assertEquals(1, alerts());
    }

    @Test
    void windowForgetsRecordsOlderThanItsLength() {
        QualityTracker tracker = tracker(7, 100);
        tracker.record(Verdicts.bars("005930", "2025-03-04T00:00:00Z", 0, 0, 10, 0));
        clock.advance(Duration.ofMinutes(10));
        tracker.record(Verdicts.bars("005930", "2025-03-04T00:00:00Z", 30, 0, 0, 0));
        assertEquals(0.75, tracker.windowScore(), 1e-12);
        clock.advance(Duration.ofMinutes(6)); // the first batch is 16 minutes old
        assertEquals(1.0, tracker.windowScore(), 1e-12);
        assertFalse(tracker.belowThreshold());
    }

    @Test
    void recordsCountedByOutcomeAndDataType() {
        QualityTracker tracker = tracker(7, 100);
        tracker.record(Verdicts.bars("005930", "2025-03-04T00:00:00Z", 3, 2, 1, 1));

        assertEquals(3, outcome("accepted_clean"));
        assertEquals(2, outcome("accepted_flagged"));
        assertEquals(1, outcome("quarantined"));
        assertEquals(0, registry.counter("marketpipe.validator.records", "data_type", "orderbook",
                "outcome", "accepted_clean").count(), "every data type's series exists from the start");
    }

    private double outcome(String outcome) {
        return registry.counter("marketpipe.validator.records", "data_type", "market_data", "outcome", outcome)
                .count();
    }

    @Test
    void perSymbolDaysCountByTheRecordsKstTradingDate() {
        QualityTracker tracker = tracker(7, 100);
        // 2025-03-04T14:59Z is 23:59 KST on the 4th, 15:00Z the 5th
        tracker.record(Verdicts.bars("005930", "2025-03-04T14:59:00Z", 1, 1, 0, 1));
        tracker.record(Verdicts.bars("000660", "2025-03-04T00:00:00Z", 4, 0, 0, 0));

        Map<String, SymbolDayQuality> fourth = tracker.day(LocalDate.parse("2025-03-04"), null);
        assertEquals(Map.of("005930", new SymbolDayQuality(0.5, 2, 0, 0),
                "000660", new SymbolDayQuality(1.0, 4, 0, 0)), fourth, "the clean bar and the duplicate");
        assertEquals(Map.of("005930", new SymbolDayQuality(0.0, 1, 1, 0)),
                tracker.day(LocalDate.parse("2025-03-05"), null), "the flagged bar at 00:00 KST");
        assertEquals(Map.of("000660", new SymbolDayQuality(1.0, 4, 0, 0)),
                tracker.day(LocalDate.parse("2025-03-04"), "000660"));
        assertEquals(Map.of(), tracker.day(LocalDate.parse("2025-03-04"), "035420"));
    }

    @Test
    void perSymbolDaysAreBounded() {
        QualityTracker tracker = tracker(2, 2);
        tracker.record(Verdicts.bars("A", "2025-03-04T00:00:00Z", 1, 0, 0, 0));
        tracker.record(Verdicts.bars("B", "2025-03-04T00:00:00Z", 1, 0, 0, 0));
        tracker.record(Verdicts.bars("C", "2025-03-04T00:00:00Z", 1, 0, 0, 0));
        assertEquals(2, tracker.day(LocalDate.parse("2025-03-04"), null).size(), "at most 2 symbols a day");

        tracker.record(Verdicts.bars("A", "2025-03-05T00:00:00Z", 1, 0, 0, 0));
        tracker.record(Verdicts.bars("A", "2025-03-06T00:00:00Z", 1, 0, 0, 0));
        assertEquals(Map.of(), tracker.day(LocalDate.parse("2025-03-04"), null), "the oldest day was dropped");
        tracker.record(Verdicts.bars("A", "2025-03-03T00:00:00Z", 1, 0, 0, 0));
        assertEquals(Map.of(), tracker.day(LocalDate.parse("2025-03-03"), null), "an older day is not added back");
        assertEquals(1, tracker.day(LocalDate.parse("2025-03-06"), null).size());
    }

    @Test
    void implausibleSettingsFailAtStart() {
        MarketCalendar krx = MarketCalendar.krx();
        assertThrows(IllegalArgumentException.class, () -> new QualityTracker(
                quality(1.5, 100, Duration.ofMinutes(15), 7, 100), registry, krx, clock));
        assertThrows(IllegalArgumentException.class, () -> new QualityTracker(
                quality(0.98, -1, Duration.ofMinutes(15), 7, 100), new SimpleMeterRegistry(), krx, clock));
        assertThrows(IllegalArgumentException.class, () -> new QualityTracker(
                quality(0.98, 100, Duration.ZERO, 7, 100), new SimpleMeterRegistry(), krx, clock));
        assertThrows(IllegalArgumentException.class, () -> new QualityTracker(
                quality(0.98, 100, Duration.ofMinutes(15), 0, 100), new SimpleMeterRegistry(), krx, clock));
    }

    static ValidatorConfig.Quality quality(double alertBelow, long alertMinRecords, Duration window,
            int retainedDays, int maxSymbols) {
        return new ValidatorConfig.Quality() {
            @Override
            public double alertBelow() {
                return alertBelow;
            }

            @Override
            public long alertMinRecords() {
                return alertMinRecords;
            }

            @Override
            public Duration window() {
                return window;
            }

            @Override
            public int retainedDays() {
                return retainedDays;
            }

            @Override
            public int maxSymbolsPerDay() {
                return maxSymbols;
            }
        };
    }

}
