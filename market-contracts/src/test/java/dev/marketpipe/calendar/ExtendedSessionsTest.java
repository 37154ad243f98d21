package dev.marketpipe.calendar;

import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional pre-market / after-hours sessions, and the day and year boundaries in KST. */
class ExtendedSessionsTest {

    private final MarketCalendar krx = MarketCalendar.krx();

    @Test
    void preMarketIs0830To0900AndAfterHours1530To1600KstOnARegularDay() {
        LocalDate day = LocalDate.parse("2025-03-04");
        assertEquals(new Session(day, Instant.parse("2025-03-03T23:30:00Z"), Instant.parse("2025-03-04T00:00:00Z")),
                krx.preMarket(day).orElseThrow());
        assertEquals(new Session(day, Instant.parse("2025-03-04T06:30:00Z"), Instant.parse("2025-03-04T07:00:00Z")),
                krx.afterHours(day).orElseThrow());
    }

    @Test
    void extendedSessionsAreOptionalTheRegularSessionIsUnchanged() {
        Instant preMarket = Instant.parse("2025-03-03T23:45:00Z"); // 08:45 KST
        Instant afterHours = Instant.parse("2025-03-04T06:45:00Z"); // 15:45 KST
        assertFalse(krx.isOpen(preMarket));
        assertFalse(krx.isOpen(afterHours));
        assertTrue(krx.isPreMarket(preMarket));
        assertTrue(krx.isAfterHours(afterHours));
        assertTrue(krx.isOpen(preMarket, true, false));
        assertFalse(krx.isOpen(preMarket, false, true));
        assertTrue(krx.isOpen(afterHours, false, true));
        assertEquals(390, krx.barStarts(LocalDate.parse("2025-03-04"), BarInterval.ONE_MINUTE).size());
        assertEquals(Instant.parse("2025-03-04T00:00:00Z"), krx.session(LocalDate.parse("2025-03-04")).orElseThrow().open());
    }

    @Test
    void extendedSessionBoundariesAreHalfOpen() {
        assertTrue(krx.isPreMarket(Instant.parse("2025-03-03T23:30:00Z"))); // 08:30:00 KST
        assertFalse(krx.isPreMarket(Instant.parse("2025-03-03T23:29:59Z")));
        assertFalse(krx.isPreMarket(Instant.parse("2025-03-04T00:00:00Z"))); // 09:00 belongs to the regular session
        assertTrue(krx.isAfterHours(Instant.parse("2025-03-04T06:30:00Z"))); // 15:30:00 KST
        assertFalse(krx.isAfterHours(Instant.parse("2025-03-04T07:00:00Z"))); // 16:00:00 KST
    }

    @Test
    void yearEndClosingDayHasNoSessionOfAnyKind() {
        LocalDate yearEnd = LocalDate.parse("2025-12-31");
        assertTrue(krx.session(yearEnd).isEmpty());
        assertTrue(krx.preMarket(yearEnd).isEmpty());
        assertTrue(krx.afterHours(yearEnd).isEmpty());
        assertFalse(krx.isOpen(Instant.parse("2025-12-31T01:00:00Z"), true, true)); // 10:00 KST
        assertTrue(krx.preMarket(LocalDate.parse("2026-01-01")).isEmpty()); // New Year's Day
    }

    @Test
    void firstTradingDayOfTheYearOpensAt1000AndItsPreMarketMovesWithIt() {
        LocalDate first = LocalDate.parse("2026-01-02");
        assertEquals(Instant.parse("2026-01-02T01:00:00Z"), krx.session(first).orElseThrow().open()); // 10:00 KST
        assertEquals(new Session(first, Instant.parse("2026-01-02T00:30:00Z"), Instant.parse("2026-01-02T01:00:00Z")),
                krx.preMarket(first).orElseThrow()); // 09:30-10:00 KST
        assertFalse(krx.isOpen(Instant.parse("2026-01-02T00:00:00Z"))); // 09:00 KST: not open yet
        assertTrue(krx.isOpen(Instant.parse("2026-01-02T01:00:00Z")));
        assertEquals(Instant.parse("2026-01-02T01:00:00Z"), krx.barStarts(first, BarInterval.ONE_MINUTE).get(0));
    }

    @Test
    void csatDayAfterHoursFollowTheLateClose() {
        LocalDate csat = LocalDate.parse("2025-11-13");
        assertEquals(new Session(csat, Instant.parse("2025-11-13T07:30:00Z"), Instant.parse("2025-11-13T08:00:00Z")),
                krx.afterHours(csat).orElseThrow()); // 16:30-17:00 KST
    }

    @Test
    void anInstantAt235959UtcBelongsToTheNextKstDay() {
        Instant lateUtc = Instant.parse("2026-01-01T23:59:59Z"); // 2026-01-02 08:59:59 KST
        assertEquals(LocalDate.parse("2026-01-02"), krx.tradingDate(lateUtc));
        assertFalse(krx.isPreMarket(lateUtc)); // the late-open day's pre-market starts at 09:30 KST
        Instant regularDay = Instant.parse("2025-03-03T23:59:59Z"); // 2025-03-04 08:59:59 KST
        assertEquals(LocalDate.parse("2025-03-04"), krx.tradingDate(regularDay));
        assertTrue(krx.isPreMarket(regularDay));
        assertFalse(krx.isOpen(regularDay));
        // 2025-12-30 23:59:59 UTC is the year-end closing day 2025-12-31 in Seoul: nothing runs
        assertEquals(LocalDate.parse("2025-12-31"), krx.tradingDate(Instant.parse("2025-12-30T23:59:59Z")));
        assertFalse(krx.isOpen(Instant.parse("2025-12-30T23:59:59Z"), true, true));
    }

    @Test
    void theLastSecondOfAKstDayIs145959Utc() {
        assertEquals(LocalDate.parse("2025-12-30"), krx.tradingDate(Instant.parse("2025-12-30T14:59:59Z")));
        assertEquals(LocalDate.parse("2025-12-31"), krx.tradingDate(Instant.parse("2025-12-30T15:00:00Z")));
    }
}
