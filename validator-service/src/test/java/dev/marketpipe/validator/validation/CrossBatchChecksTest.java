package dev.marketpipe.validator.validation;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.validator.Bars;
import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.validator.rules.RuleSet;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;
import dev.marketpipe.wire.ValidatedBatch;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.marketpipe.validator.Bars.bar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Duplicates and gaps judged against what is already stored, with a fake {@link StoredBars}. */
class CrossBatchChecksTest {

    private static final MarketCalendar KRX = MarketCalendar.krx();
    private static final BarInterval M1 = BarInterval.ONE_MINUTE;
    private static final PreviousCloseSource CLOSE_10000 = (s, d, p) -> Optional.of(BigDecimal.valueOf(10_000));

    private final BatchValidator validator = new BatchValidator(KRX,
            RuleSet.standard(KRX, new BigDecimal("0.30"), 999_999_999L), Duration.ofDays(400));

    /** The stored bars it was given, and every question asked of it. */
    private static final class FakeStore implements StoredBars {
        private final List<Bar> stored;
        private final List<String> asked = new ArrayList<>();

        FakeStore(List<Bar> stored) {
            this.stored = stored;
        }

        @Override
        public Optional<List<Bar>> between(String symbol, BarInterval interval, Instant from, Instant to) {
            asked.add(symbol + " " + interval.code() + " " + from + " " + to);
            return Optional.of(stored.stream()
                    .filter(b -> !b.timestamp().isBefore(from) && b.timestamp().isBefore(to)).toList());
        }
    }

    /** Sound bars at 09:mm KST on 2025-03-04 for each mm in [first, end). */
    private static List<Bar> minutes(int first, int end) {
        List<Bar> bars = new ArrayList<>();
        for (int m = first; m < end; m++) {
            bars.add(bar("2025-03-04T00:%02d:00Z".formatted(m)));
        }
        return bars;
    }

    private ValidatedBatch validateWindow(int windowMinutes, List<Bar> bars, StoredBars store) {
        return validator.validate(Bars.batch(M1, "2025-03-04T00:00:00Z",
                "2025-03-04T00:%02d:00Z".formatted(windowMinutes), bars), CLOSE_10000, store);
    }

    private static List<QualityIssue> ofRule(ValidatedBatch verdict, String rule) {
        return verdict.batchIssues().stream().filter(i -> i.rule().equals(rule)).toList();
    }

    @Test
    void barsStoredByAnEarlierBatchAreNoGap() {
        FakeStore store = new FakeStore(minutes(0, 5));

        ValidatedBatch verdict = validateWindow(10, minutes(5, 10), store);

        assertEquals(List.of(), verdict.batchIssues());
        assertEquals(List.of("005930 1m 2025-03-04T00:00:00Z 2025-03-04T00:10:00Z"), store.asked,
                "one read of the batch's window");
    }

    @Test
    void withoutStoredBarsTheSameBatchReportsTheGap() {
        ValidatedBatch verdict = validateWindow(10, minutes(5, 10), StoredBars.NONE);

        assertEquals(List.of(Instant.parse("2025-03-04T00:00:00Z")),
                ofRule(verdict, RuleCodes.GAP).stream().map(QualityIssue::timestamp).toList());
    }

    @Test
    void partlyStoredWindowLeavesOnlyTheUnstoredBarsAsAGap() {
        FakeStore store = new FakeStore(minutes(0, 3));

        ValidatedBatch verdict = validateWindow(10, minutes(5, 10), store);

        List<QualityIssue> gaps = ofRule(verdict, RuleCodes.GAP);
        assertEquals(1, gaps.size(), gaps::toString);
        assertEquals(Instant.parse("2025-03-04T00:03:00Z"), gaps.get(0).timestamp());
        assertTrue(gaps.get(0).message().startsWith("2 missing 1m bars"), gaps.get(0).message());
    }

    @Test
    void holidayWeekendNightPreOpenAndAfterCloseAreNoGapAcrossBatches() {
        // Friday 2025-02-28 15:00-15:29 KST stored; Monday 2025-03-03 is a holiday; Tuesday 09:00-09:04 delivered
        List<Bar> friday = new ArrayList<>();
        for (int m = 0; m < 30; m++) {
            friday.add(bar("2025-02-28T06:%02d:00Z".formatted(m)));
        }
        FakeStore store = new FakeStore(friday);

        ValidatedBatch verdict = validator.validate(Bars.batch(M1, "2025-02-28T06:00:00Z", "2025-03-04T00:05:00Z",
                minutes(0, 5)), CLOSE_10000, store);

        assertEquals(List.of(), verdict.batchIssues(), "nothing after 15:30, before 09:00, on the weekend or holiday");
        assertEquals(1, store.asked.size());
    }

    @Test
    void storedBarWithEqualValuesIsAHarmlessRedelivery() {
        Bar stored = Bars.withPrices(bar("2025-03-04T00:02:00Z"), new BigDecimal("10000.00"),
                new BigDecimal("10100.00"), new BigDecimal("9900.00"), new BigDecimal("10050.00"));
        FakeStore store = new FakeStore(List.of(stored));

        ValidatedBatch verdict = validateWindow(5, minutes(0, 5), store);

        assertEquals(List.of(), verdict.batchIssues());
        assertEquals(5, verdict.accepted().size());
    }

    @Test
    void storedBarWithOtherValuesIsADuplicateIssueAndTheNewRecordIsKept() {
        Bar stored = bar("2025-03-04T00:02:00Z", 10_000, 10_100, 9_900, 10_040, 900);
        FakeStore store = new FakeStore(List.of(stored));
        List<Bar> delivered = minutes(0, 5);

        ValidatedBatch verdict = validateWindow(5, delivered, store);

        List<QualityIssue> duplicates = ofRule(verdict, RuleCodes.STORED_BAR_REPLACED);
        assertEquals(1, duplicates.size(), verdict.batchIssues()::toString);
        QualityIssue issue = duplicates.get(0);
        assertEquals(Severity.HIGH, issue.severity());
        assertEquals(stored.timestamp(), issue.timestamp());
        assertTrue(issue.message().contains("stored open=10000 high=10100 low=9900 close=10040 volume=900"),
                issue.message());
        assertTrue(issue.message().contains("new open=10000 high=10100 low=9900 close=10050 volume=1000"),
                issue.message());
        assertEquals(delivered, verdict.accepted().stream().map(AcceptedBar::bar).toList(),
                "the latest word is kept; the loader's upsert replaces the stored bar");
        assertEquals(1.0, verdict.qualityScore(), "the kept record itself is clean");
    }

    @Test
    void quarantinedRecordOverAStoredBarIsNoDuplicateIssue() {
        FakeStore store = new FakeStore(List.of(bar("2025-03-04T00:00:00Z")));
        Bar broken = bar("2025-03-04T00:00:00Z", 10_000, 9_000, 9_900, 10_050, 10); // high < low

        ValidatedBatch verdict = validateWindow(1, List.of(broken), store);

        assertEquals(List.of(), verdict.batchIssues(), "the stored bar stays, nothing replaces it");
        assertEquals(1, verdict.quarantined().size());
    }

    @Test
    void inBatchAndCrossBatchDuplicatesAreTwoIssuesOfWhichOnlyOneDroppedARecord() {
        FakeStore store = new FakeStore(List.of(bar("2025-03-04T00:00:00Z", 10_000, 10_100, 9_900, 10_000, 5)));
        List<Bar> delivered = List.of(bar("2025-03-04T00:00:00Z", 10_000, 10_100, 9_900, 10_020, 7),
                bar("2025-03-04T00:00:00Z"));

        ValidatedBatch verdict = validateWindow(1, delivered, store);

        List<QualityIssue> dropped = ofRule(verdict, RuleCodes.DUPLICATE_TIMESTAMP);
        assertEquals(1, dropped.size(), verdict.batchIssues()::toString);
        assertEquals(1, ofRule(verdict, RuleCodes.STORED_BAR_REPLACED).size(), verdict.batchIssues()::toString);
        assertEquals(List.of(delivered.get(1)), verdict.accepted().stream().map(AcceptedBar::bar).toList());
        assertEquals(verdict.recordsReceived(), verdict.accepted().size() + dropped.size());
    }

    @Test
    void unknownStoredBarsLeaveTheBatchLocalVerdict() {
        StoredBars unknown = (symbol, interval, from, to) -> Optional.empty();
        List<Bar> delivered = minutes(0, 3);

        ValidatedBatch local = validateWindow(5, delivered, StoredBars.NONE);
        ValidatedBatch verdict = validateWindow(5, delivered, unknown);

        assertEquals(local.batchIssues(), verdict.batchIssues());
        assertEquals(1, ofRule(verdict, RuleCodes.GAP).size());
    }

    @Test
    void pageOfAPagedWindowReadsOnlyItsOwnStretch() throws Exception {
        FakeStore store = new FakeStore(minutes(0, 5));
        var raw = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"meta\":{\"page\":2,\"total_pages\":3}}");

        ValidatedBatch verdict = validator.validate(Bars.batch(M1, Instant.parse("2025-03-04T00:00:00Z"),
                Instant.parse("2025-03-04T01:00:00Z"), minutes(5, 10), 2, raw), CLOSE_10000, store);

        assertEquals(List.of(), verdict.batchIssues());
        assertEquals(List.of("005930 1m 2025-03-04T00:05:00Z 2025-03-04T00:09:01Z"), store.asked);
    }

    @Test
    void windowLongerThanTheScanLimitIsNotRead() {
        BatchValidator shortScan = new BatchValidator(KRX, RuleSet.standard(KRX, new BigDecimal("0.30"),
                999_999_999L), Duration.ofDays(1));
        FakeStore store = new FakeStore(List.of());

        shortScan.validate(Bars.batch(M1, "2025-03-04T00:00:00Z", "2025-03-11T00:00:00Z", minutes(0, 3)),
                CLOSE_10000, store);

        assertEquals(List.of(), store.asked);
    }

    @Test
    void dailyBarsStoredOnEarlierDaysAreNoGapAndADailyRevisionIsADuplicate() {
        List<Bar> stored = List.of(bar("2025-02-27T00:00:00Z"), bar("2025-02-28T00:00:00Z", 10_000, 10_100, 9_900,
                10_000, 1_000));
        FakeStore store = new FakeStore(stored);
        List<Bar> delivered = List.of(bar("2025-02-28T00:00:00Z"), bar("2025-03-04T00:00:00Z"));

        ValidatedBatch verdict = validator.validate(Bars.batch(BarInterval.ONE_DAY, "2025-02-26T15:00:00Z",
                "2025-03-04T15:00:00Z", delivered), CLOSE_10000, store);

        assertEquals(List.of(RuleCodes.STORED_BAR_REPLACED),
                verdict.batchIssues().stream().map(QualityIssue::rule).toList(),
                "the 27th is stored, the 3rd a holiday; Friday's close was revised from 10000 to 10050");
    }
}
