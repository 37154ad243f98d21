package dev.marketpipe.validator.temporal;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GapFinderTest {

    private final MarketCalendar krx = MarketCalendar.krx();
    private final GapFinder gaps = new GapFinder(krx);

    private Set<Instant> fullDay(String date, BarInterval interval) {
        return new HashSet<>(krx.barStarts(LocalDate.parse(date), interval));
    }

    @Test
    void completeSessionHasNoGap() {
        assertTrue(gaps.find(BarInterval.ONE_MINUTE, Instant.parse("2025-03-04T00:00:00Z"),
                Instant.parse("2025-03-04T06:30:00Z"), fullDay("2025-03-04", BarInterval.ONE_MINUTE)).isEmpty());
    }

    @Test
    void eachContiguousRunOfMissingBarsIsOneMediumIssueAtItsFirstBar() {
        Set<Instant> present = fullDay("2025-03-04", BarInterval.ONE_MINUTE);
        present.remove(Instant.parse("2025-03-04T00:10:00Z"));
        for (int minute = 30; minute < 42; minute++) {
            present.remove(Instant.parse("2025-03-04T01:%02d:00Z".formatted(minute)));
        }
        present.remove(Instant.parse("2025-03-04T06:29:00Z"));

        List<QualityIssue> found = gaps.find(BarInterval.ONE_MINUTE, Instant.parse("2025-03-04T00:00:00Z"),
                Instant.parse("2025-03-04T06:30:00Z"), present);

        assertEquals(List.of(Instant.parse("2025-03-04T00:10:00Z"), Instant.parse("2025-03-04T01:30:00Z"),
                Instant.parse("2025-03-04T06:29:00Z")), found.stream().map(QualityIssue::timestamp).toList());
        assertTrue(found.stream().allMatch(g -> g.rule().equals(RuleCodes.GAP) && g.severity() == Severity.MEDIUM));
        assertEquals("12 missing 1m bars: 2025-03-04T01:30:00Z .. 2025-03-04T01:41:00Z "
                + "(2025-03-04T10:30 .. 2025-03-04T10:41 Asia/Seoul)", found.get(1).message());
        assertTrue(found.get(0).message().startsWith("1 missing 1m bar: 2025-03-04T00:10:00Z"));
    }

    @Test
    void onlyBarsInsideTheWindowAreExpected() {
        List<QualityIssue> found = gaps.find(BarInterval.ONE_MINUTE, Instant.parse("2025-03-04T01:00:00Z"),
                Instant.parse("2025-03-04T01:05:00Z"), Set.of(Instant.parse("2025-03-04T01:00:00Z"),
                        Instant.parse("2025-03-04T01:01:00Z"), Instant.parse("2025-03-04T01:02:00Z")));

        assertEquals(1, found.size());
        assertTrue(found.get(0).message().startsWith("2 missing 1m bars: 2025-03-04T01:03:00Z .. "
                + "2025-03-04T01:04:00Z"), found.get(0).message());
    }

    @Test
    void nightsWeekendsAndHolidaysAreNotGaps() {
        // Friday 2025-01-24 to Friday 2025-01-31: the weekend and the Seollal holidays (27th-30th) expect nothing
        Set<Instant> present = new HashSet<>();
        present.addAll(fullDay("2025-01-24", BarInterval.FIVE_MINUTES));
        present.addAll(fullDay("2025-01-31", BarInterval.FIVE_MINUTES));

        assertTrue(gaps.find(BarInterval.FIVE_MINUTES, Instant.parse("2025-01-23T15:00:00Z"),
                Instant.parse("2025-01-31T15:00:00Z"), present).isEmpty());
    }

    @Test
    void missingBarsAcrossTheNightFormOneRun() {
        Set<Instant> present = new HashSet<>();
        present.addAll(fullDay("2025-03-04", BarInterval.FIVE_MINUTES));
        present.addAll(fullDay("2025-03-05", BarInterval.FIVE_MINUTES));
        present.remove(Instant.parse("2025-03-04T06:25:00Z")); // 15:25 KST, last bar of the 4th
        present.remove(Instant.parse("2025-03-05T00:00:00Z")); // 09:00 KST, first bar of the 5th

        List<QualityIssue> found = gaps.find(BarInterval.FIVE_MINUTES, Instant.parse("2025-03-03T15:00:00Z"),
                Instant.parse("2025-03-05T15:00:00Z"), present);

        assertEquals(1, found.size());
        assertTrue(found.get(0).message().startsWith("2 missing 5m bars"));
    }

    @Test
    void dailyGapsAreMissingTradingDays() {
        // 2025-03-03 is a holiday; the 5th and 6th are missing
        Set<Instant> present = Set.of(Instant.parse("2025-02-28T00:00:00Z"), Instant.parse("2025-03-04T00:00:00Z"),
                Instant.parse("2025-03-07T00:00:00Z"));

        List<QualityIssue> found = gaps.find(BarInterval.ONE_DAY, Instant.parse("2025-02-27T15:00:00Z"),
                Instant.parse("2025-03-07T15:00:00Z"), present);

        assertEquals(1, found.size());
        assertEquals(Instant.parse("2025-03-05T00:00:00Z"), found.get(0).timestamp());
        assertTrue(found.get(0).message().startsWith("2 missing 1d bars"));
    }

    @Test
    void emptyOrInvertedWindowExpectsNothing() {
        assertTrue(gaps.find(BarInterval.ONE_MINUTE, Instant.parse("2025-03-04T01:00:00Z"),
                Instant.parse("2025-03-04T01:00:00Z"), Set.of()).isEmpty());
        assertTrue(gaps.find(BarInterval.ONE_MINUTE, Instant.parse("2025-03-04T02:00:00Z"),
                Instant.parse("2025-03-04T01:00:00Z"), Set.of()).isEmpty());
        assertTrue(gaps.find(BarInterval.ONE_MINUTE, null, null, Set.of()).isEmpty());
    }
}
