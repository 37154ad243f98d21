package dev.marketpipe.calendar;

import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketCalendarTest {

    private final MarketCalendar krx = MarketCalendar.krx();

    @Test
    void regularSessionHas390OneMinuteBarsFromNineKstWhichIsMidnightUtc() {
        List<Instant> bars = krx.barStarts(LocalDate.parse("2025-03-04"), BarInterval.ONE_MINUTE);
        assertEquals(390, bars.size());
        assertEquals(Instant.parse("2025-03-04T00:00:00Z"), bars.get(0));
        assertEquals(Instant.parse("2025-03-04T06:29:00Z"), bars.get(389));
        assertEquals(78, krx.barStarts(LocalDate.parse("2025-03-04"), BarInterval.FIVE_MINUTES).size());
    }

    @Test
    void weekendsAndShippedHolidaysHaveNoSession() {
        assertTrue(krx.barStarts(LocalDate.parse("2025-03-01"), BarInterval.ONE_MINUTE).isEmpty()); // Saturday
        assertFalse(krx.isTradingDay(LocalDate.parse("2025-01-28"))); // Seollal
        assertFalse(krx.isTradingDay(LocalDate.parse("2026-12-31"))); // year-end closing
        assertEquals(List.of(LocalDate.parse("2025-01-24"), LocalDate.parse("2025-01-31")),
                krx.tradingDays(LocalDate.parse("2025-01-24"), LocalDate.parse("2025-01-31")));
    }

    @Test
    void csatDayOpensAndClosesAnHourLate() {
        Session csat = krx.session(LocalDate.parse("2025-11-13")).orElseThrow();
        assertEquals(Instant.parse("2025-11-13T01:00:00Z"), csat.open());
        assertEquals(Instant.parse("2025-11-13T07:30:00Z"), csat.close());
        assertEquals(390, krx.barStarts(LocalDate.parse("2025-11-13"), BarInterval.ONE_MINUTE).size());
    }

    @Test
    void sessionBoundariesAreHalfOpen() {
        assertTrue(krx.isBarStart(Instant.parse("2025-03-04T00:00:00Z"), BarInterval.ONE_MINUTE));
        assertTrue(krx.isBarStart(Instant.parse("2025-03-04T06:29:00Z"), BarInterval.ONE_MINUTE));
        assertFalse(krx.isBarStart(Instant.parse("2025-03-04T06:30:00Z"), BarInterval.ONE_MINUTE)); // 15:30 KST
        assertFalse(krx.isBarStart(Instant.parse("2025-03-03T23:59:00Z"), BarInterval.ONE_MINUTE)); // 08:59 KST
        assertFalse(krx.isBarStart(Instant.parse("2025-03-04T00:01:00Z"), BarInterval.FIVE_MINUTES));
    }

    @Test
    void tradingDateFollowsSeoulNotUtcAcrossTheDayBoundary() {
        // 2025-03-04 23:30 UTC is already 2025-03-05 08:30 KST
        assertEquals(LocalDate.parse("2025-03-05"), krx.tradingDate(Instant.parse("2025-03-04T23:30:00Z")));
        assertEquals(LocalDate.parse("2025-03-04"), krx.tradingDate(Instant.parse("2025-03-04T14:59:59Z")));
    }

    @Test
    void lastCompletedBarIsTheMinuteBeforeNowAndStopsAtTheClose() {
        assertEquals(Instant.parse("2025-03-04T01:04:00Z"),
                krx.lastCompletedBarStart(Instant.parse("2025-03-04T01:05:30Z"), BarInterval.ONE_MINUTE).orElseThrow());
        assertEquals(Instant.parse("2025-03-04T06:29:00Z"),
                krx.lastCompletedBarStart(Instant.parse("2025-03-04T09:00:00Z"), BarInterval.ONE_MINUTE).orElseThrow());
        assertTrue(krx.lastCompletedBarStart(Instant.parse("2025-03-04T00:00:30Z"), BarInterval.ONE_MINUTE).isEmpty());
    }

    @Test
    void previousTradingDaySkipsWeekendsAndHolidays() {
        assertEquals(LocalDate.parse("2025-01-24"), krx.previousTradingDay(LocalDate.parse("2025-01-31")).orElseThrow());
        assertEquals(LocalDate.parse("2025-12-30"), krx.previousTradingDay(LocalDate.parse("2026-01-02")).orElseThrow());
    }
}
