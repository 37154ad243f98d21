package dev.marketpipe.simulator.data;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.wire.BarInterval;
import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketDataQueryTest {

    private static final ZoneId KST = MarketCalendar.KRX_ZONE;
    private static final LocalDate TODAY = LocalDate.parse("2025-03-05");

    private static MarketDataQuery parse(String start, String end) {
        return MarketDataQuery.parse("005930", "1m", start, end, null, null, KST, TODAY, 370);
    }

    @Test
    void dateBoundsCoverWholeKstDaysBothInclusive() {
        MarketDataQuery query = parse("2025-03-04", "2025-03-06");
        assertEquals(Instant.parse("2025-03-03T15:00:00Z"), query.from());
        assertEquals(Instant.parse("2025-03-06T15:00:00Z"), query.to());
        assertEquals(LocalDate.parse("2025-03-04"), query.firstDate(KST));
        assertEquals(LocalDate.parse("2025-03-06"), query.lastDate(KST));
        assertEquals(BarInterval.ONE_MINUTE, query.interval());
        assertEquals(1000, query.limit());
        assertEquals(1, query.page());
    }

    @Test
    void instantBoundsAreStartInclusiveEndExclusive() {
        MarketDataQuery query = parse("2025-03-04T00:00:00Z", "2025-03-04T00:10:00Z");
        assertTrue(query.contains(Instant.parse("2025-03-04T00:00:00Z")));
        assertTrue(query.contains(Instant.parse("2025-03-04T00:09:00Z")));
        assertTrue(!query.contains(Instant.parse("2025-03-04T00:10:00Z")));
        assertEquals(Instant.parse("2025-03-04T00:00:00Z"), parse("2025-03-04T09:00:00+09:00", null).from());
    }

    @Test
    void aMissingBoundMeansThatBoundsKstDayAndNoBoundsMeanToday() {
        MarketDataQuery onlyEnd = parse(null, "2025-03-04T03:00:00Z");
        assertEquals(Instant.parse("2025-03-03T15:00:00Z"), onlyEnd.from());
        MarketDataQuery onlyStart = parse("2025-03-04", null);
        assertEquals(Instant.parse("2025-03-04T15:00:00Z"), onlyStart.to());
        MarketDataQuery none = parse(null, null);
        assertEquals(Instant.parse("2025-03-04T15:00:00Z"), none.from());
        assertEquals(Instant.parse("2025-03-05T15:00:00Z"), none.to());
    }

    @Test
    void badParametersAreRefusedWithAMessageNamingTheParameter() {
        assertMessage("symbol is required", () -> MarketDataQuery.parse(null, "1m", null, null, null, null, KST, TODAY, 370));
        assertMessage("interval", () -> MarketDataQuery.parse("005930", "2m", null, null, null, null, KST, TODAY, 370));
        assertMessage("limit", () -> MarketDataQuery.parse("005930", "1m", null, null, "0", null, KST, TODAY, 370));
        assertMessage("limit", () -> MarketDataQuery.parse("005930", "1m", null, null, "1001", null, KST, TODAY, 370));
        assertMessage("limit", () -> MarketDataQuery.parse("005930", "1m", null, null, "ten", null, KST, TODAY, 370));
        assertMessage("page", () -> MarketDataQuery.parse("005930", "1m", null, null, null, "0", KST, TODAY, 370));
        assertMessage("start_date", () -> parse("2025-13-01", null));
        assertMessage("end_date", () -> parse(null, "yesterday"));
        assertMessage("before end_date", () -> parse("2025-03-05", "2025-03-04"));
        assertMessage("longer than 370 days", () -> parse("2024-01-01", "2025-03-04"));
    }

    private static void assertMessage(String expected, Runnable parse) {
        BadRequestException e = assertThrows(BadRequestException.class, parse::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
