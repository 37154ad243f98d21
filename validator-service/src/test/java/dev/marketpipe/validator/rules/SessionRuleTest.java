package dev.marketpipe.validator.rules;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.validator.Bars;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionRuleTest {

    private final SessionRule rule = new SessionRule(MarketCalendar.krx());

    @ParameterizedTest(name = "{0} at {1}: valid={2} ({3})")
    @CsvSource({
            "2025-03-04T00:00:00Z, 1m, true,  09:00 KST is the first bar and 00:00Z",
            "2025-03-04T06:29:00Z, 1m, true,  15:29 KST is the last 1-minute bar",
            "2025-03-04T06:30:00Z, 1m, false, 15:30 KST is the close itself",
            "2025-03-04T06:45:00Z, 1m, false, after-hours",
            "2025-03-03T23:59:00Z, 1m, false, 08:59 KST on the 4th is pre-market",
            "2025-03-03T15:00:00Z, 1m, false, midnight KST",
            "2025-03-08T01:00:00Z, 1m, false, a Saturday",
            "2025-03-09T01:00:00Z, 1m, false, a Sunday",
            "2025-01-28T01:00:00Z, 1m, false, Seollal holiday",
            "2025-03-03T01:00:00Z, 1m, false, substitute holiday",
            "2025-03-04T00:00:30Z, 1m, false, not on the minute",
            "2025-03-04T00:05:00Z, 5m, true,  on the 5-minute grid",
            "2025-03-04T06:25:00Z, 5m, true,  last 5-minute bar",
            "2025-03-04T00:01:00Z, 5m, false, off the 5-minute grid",
            "2025-03-04T00:00:00Z, 1d, true,  daily bar at the session open",
            "2025-03-04T06:00:00Z, 1d, false, daily bar not at the open",
            "2025-01-02T01:00:00Z, 1d, true,  first trading day opens at 10:00 KST",
            "2025-01-02T00:00:00Z, 1m, false, first trading day: 09:00 KST is before its open",
            "2025-11-13T07:29:00Z, 1m, true,  CSAT day: 16:29 KST is still in session",
    })
    void timestampMustBeABarStartOfASession(String timestamp, String interval, boolean valid, String why) {
        BarContext context = new BarContext("005930", BarInterval.fromCode(interval), null);

        List<QualityIssue> issues = rule.check(Bars.bar(timestamp), context);

        if (valid) {
            assertTrue(issues.isEmpty(), why + ": " + issues);
        } else {
            assertEquals(1, issues.size(), why);
            assertEquals(RuleCodes.OUTSIDE_SESSION, issues.get(0).rule());
            assertEquals(Severity.CRITICAL, issues.get(0).severity());
        }
    }

    @org.junit.jupiter.api.Test
    void holidayIsExplainedAsNotATradingDay() {
        List<QualityIssue> issues = rule.check(Bars.bar("2025-01-28T01:00:00Z"),
                new BarContext("005930", BarInterval.ONE_MINUTE, null));

        assertEquals("2025-01-28T10:00 Asia/Seoul is not a trading day", issues.get(0).message());
    }
}
