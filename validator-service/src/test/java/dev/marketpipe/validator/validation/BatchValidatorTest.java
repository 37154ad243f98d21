package dev.marketpipe.validator.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.validator.Bars;
import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.validator.rules.RuleSet;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantineStatus;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.ValidatedBatch;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.marketpipe.validator.Bars.bar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchValidatorTest {

    private static final MarketCalendar KRX = MarketCalendar.krx();
    private static final BarInterval M1 = BarInterval.ONE_MINUTE;
    /** Previous close 10000 for every day: the limit band is [7000, 13000]. */
    private static final PreviousCloseSource CLOSE_10000 = (s, d, p) -> Optional.of(BigDecimal.valueOf(10_000));

    private final BatchValidator validator = new BatchValidator(KRX,
            RuleSet.standard(KRX, new BigDecimal("0.30"), 999_999_999L), Duration.ofDays(400));

    /** Bars at 09:00, 09:01 … KST on 2025-03-04 (00:00Z …). */
    private static List<Bar> minutes(int count) {
        List<Bar> bars = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            bars.add(bar("2025-03-04T00:%02d:00Z".formatted(m)));
        }
        return bars;
    }

    private static CollectedBatch firstMinutes(List<Bar> bars, int windowMinutes) {
        return Bars.batch(M1, "2025-03-04T00:00:00Z", "2025-03-04T00:%02d:00Z".formatted(windowMinutes), bars);
    }

    private static List<String> rules(List<QualityIssue> issues) {
        return issues.stream().map(QualityIssue::rule).toList();
    }

    private static void assertNothingDropped(ValidatedBatch verdict) {
        long duplicates = verdict.batchIssues().stream()
                .filter(i -> i.rule().equals(RuleCodes.DUPLICATE_TIMESTAMP)).count();
        assertEquals(verdict.recordsReceived(),
                verdict.accepted().size() + verdict.quarantined().size() + duplicates,
                "every record is accepted, quarantined or a duplicate issue");
    }

    @Test
    void cleanBatchIsAcceptedUntouchedWithScoreOne() {
        List<Bar> bars = minutes(5);

        ValidatedBatch verdict = validator.validate(firstMinutes(bars, 5), CLOSE_10000);

        assertEquals(bars, verdict.accepted().stream().map(AcceptedBar::bar).toList());
        assertTrue(verdict.accepted().stream().allMatch(a -> a.flags().isEmpty()));
        assertTrue(verdict.quarantined().isEmpty());
        assertTrue(verdict.batchIssues().isEmpty());
        assertEquals(1.0, verdict.qualityScore());
        assertEquals(5, verdict.recordsReceived());
    }

    @Test
    void verdictCarriesTheBatchIdentityForTheLoader() {
        CollectedBatch batch = firstMinutes(minutes(1), 1);

        ValidatedBatch verdict = validator.validate(batch, CLOSE_10000);

        assertEquals(batch.batchId(), verdict.batchId());
        assertEquals(batch.dataType(), verdict.dataType());
        assertEquals(batch.symbol(), verdict.symbol());
        assertEquals(batch.interval(), verdict.interval());
        assertEquals(batch.source(), verdict.source());
        assertEquals(batch.archiveRef(), verdict.archiveRef());
        assertEquals(batch.fetchedAt(), verdict.fetchedAt());
        assertEquals(batch.apiLatencyMs(), verdict.apiLatencyMs());
    }

    @Test
    void emptyBatchScoresOneAndItsWholeWindowIsAGap() {
        ValidatedBatch verdict = validator.validate(firstMinutes(List.of(), 5), CLOSE_10000);

        assertEquals(1.0, verdict.qualityScore());
        assertEquals(List.of(RuleCodes.GAP), rules(verdict.batchIssues()));
        assertTrue(verdict.batchIssues().get(0).message().startsWith("5 missing 1m bars"));
    }

    @Test
    void actionTableDecidesAcceptedFlaggedQuarantinedOrReview() {
        List<Bar> bars = new ArrayList<>(List.of(
                bar("2025-03-04T00:00:00Z"),                                     // clean
                bar("2025-03-04T00:01:00Z", 10_000, 10_100, 9_900, 10_050, 0),   // volume 0: accepted, flagged
                bar("2025-03-04T00:02:00Z", 10_000, 9_000, 9_900, 10_050, 10),   // high < low: quarantined
                bar("2025-03-04T00:03:00Z", 10_000, 13_010, 9_900, 10_050, 10),  // +30% + one tick: review
                bar("2025-03-04T00:04:00Z", 10_000, 13_010, 9_900, 10_050, 0),   // review, low flag too
                bar("2025-03-04T00:05:00Z", 14_000, 13_010, 9_900, 10_050, 10),  // limit + OHLC: quarantined
                Bars.withPrices(bar("2025-03-04T00:06:00Z"), BigDecimal.valueOf(10_000),
                        BigDecimal.valueOf(10_100), BigDecimal.valueOf(9_900), null))); // missing close

        ValidatedBatch verdict = validator.validate(firstMinutes(bars, 7), CLOSE_10000);

        assertEquals(2, verdict.accepted().size());
        assertEquals(List.of(), verdict.accepted().get(0).flags());
        assertEquals(List.of(RuleCodes.VOLUME_ZERO), rules(verdict.accepted().get(1).flags()));
        List<QuarantinedBar> held = verdict.quarantined();
        assertEquals(5, held.size());
        assertEquals(QuarantineStatus.QUARANTINED, held.get(0).status());
        assertEquals(List.of(RuleCodes.OHLC_INCONSISTENT), rules(held.get(0).issues()));
        assertEquals(QuarantineStatus.REVIEW, held.get(1).status());
        assertEquals(List.of(RuleCodes.PRICE_OUT_OF_RANGE), rules(held.get(1).issues()));
        assertEquals(QuarantineStatus.REVIEW, held.get(2).status());
        assertEquals(List.of(RuleCodes.VOLUME_ZERO, RuleCodes.PRICE_OUT_OF_RANGE), rules(held.get(2).issues()));
        assertEquals(QuarantineStatus.QUARANTINED, held.get(3).status());
        assertEquals(List.of(RuleCodes.PRICE_OUT_OF_RANGE, RuleCodes.OHLC_INCONSISTENT), rules(held.get(3).issues()));
        assertEquals(QuarantineStatus.QUARANTINED, held.get(4).status());
        assertEquals(List.of(RuleCodes.MISSING_FIELD), rules(held.get(4).issues()));
        assertEquals(1.0 / 7, verdict.qualityScore(), 1e-9);
        assertTrue(verdict.batchIssues().isEmpty(), "a quarantined record still fills its slot: no gap");
        assertNothingDropped(verdict);
    }

    @Test
    void duplicatesKeepTheLastOccurrenceAndNameTheDroppedOnes() {
        Bar early = bar("2025-03-04T00:01:00Z", 10_000, 10_100, 9_900, 10_050, 1);
        Bar middle = bar("2025-03-04T00:01:00Z", 10_000, 10_200, 9_900, 10_150, 2);
        Bar latest = bar("2025-03-04T00:01:00Z", 10_000, 10_300, 9_900, 10_250, 3);
        List<Bar> bars = List.of(bar("2025-03-04T00:00:00Z"), early, middle, latest, bar("2025-03-04T00:02:00Z"));

        ValidatedBatch verdict = validator.validate(firstMinutes(bars, 3), CLOSE_10000);

        assertEquals(List.of(bars.get(0), latest, bars.get(4)),
                verdict.accepted().stream().map(AcceptedBar::bar).toList());
        assertEquals(List.of(RuleCodes.DUPLICATE_TIMESTAMP, RuleCodes.DUPLICATE_TIMESTAMP),
                rules(verdict.batchIssues()));
        assertTrue(verdict.batchIssues().get(0).message().contains("volume=1"));
        assertTrue(verdict.batchIssues().get(1).message().contains("volume=2"));
        assertEquals(3.0 / 5, verdict.qualityScore(), 1e-9);
        assertNothingDropped(verdict);
    }

    @Test
    void latestDuplicateIsKeptEvenWhenItIsTheBadOne() {
        Bar good = bar("2025-03-04T00:00:00Z");
        Bar bad = bar("2025-03-04T00:00:00Z", 10_000, 9_000, 9_900, 10_050, 1);

        ValidatedBatch verdict = validator.validate(firstMinutes(List.of(good, bad), 1), CLOSE_10000);

        assertTrue(verdict.accepted().isEmpty());
        assertEquals(bad, verdict.quarantined().get(0).bar());
        assertEquals(List.of(RuleCodes.DUPLICATE_TIMESTAMP), rules(verdict.batchIssues()));
        assertNothingDropped(verdict);
    }

    @Test
    void outOfOrderBatchIsReportedAndSorted() {
        List<Bar> sorted = minutes(4);
        List<Bar> shuffled = List.of(sorted.get(2), sorted.get(0), sorted.get(3), sorted.get(1));

        ValidatedBatch verdict = validator.validate(firstMinutes(shuffled, 4), CLOSE_10000);

        assertEquals(sorted, verdict.accepted().stream().map(AcceptedBar::bar).toList());
        assertEquals(List.of(RuleCodes.OUT_OF_ORDER), rules(verdict.batchIssues()));
        assertEquals(sorted.get(0).timestamp(), verdict.batchIssues().get(0).timestamp());
        assertEquals(1.0, verdict.qualityScore());
    }

    @Test
    void quarantinedRecordsAreSortedTooWithTimestamplessOnesLast() {
        Bar noTime = Bars.withTimestamp(bar("2025-03-04T00:00:00Z"), null);
        Bar late = bar("2025-03-04T00:02:00Z", 1, 1, 2, 1, 1);
        Bar early = bar("2025-03-04T00:01:00Z", 1, 1, 2, 1, 1);

        ValidatedBatch verdict = validator.validate(firstMinutes(List.of(noTime, late, early), 3), CLOSE_10000);

        assertEquals(List.of(early, late, noTime), verdict.quarantined().stream().map(QuarantinedBar::bar).toList());
    }

    @Test
    void gapsAreReportedAsRunsWithinTheWindow() {
        List<Bar> bars = new ArrayList<>(minutes(10));
        bars.remove(8);
        bars.remove(7);
        bars.remove(3);

        ValidatedBatch verdict = validator.validate(firstMinutes(bars, 10), CLOSE_10000);

        assertEquals(List.of(RuleCodes.GAP, RuleCodes.GAP), rules(verdict.batchIssues()));
        assertEquals(Instant.parse("2025-03-04T00:03:00Z"), verdict.batchIssues().get(0).timestamp());
        assertEquals(Instant.parse("2025-03-04T00:07:00Z"), verdict.batchIssues().get(1).timestamp());
        assertTrue(verdict.batchIssues().get(1).message().startsWith("2 missing 1m bars"));
        assertEquals(1.0, verdict.qualityScore(), "a gap lowers no record's score");
    }

    @Test
    void onePageOfAPagedWindowOnlyExpectsItsOwnStretch() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Bar> all = minutes(10);
        Instant from = Instant.parse("2025-03-04T00:00:00Z");
        Instant to = Instant.parse("2025-03-04T00:20:00Z");
        List<Bar> page1 = all.subList(0, 5);
        List<Bar> page2 = new ArrayList<>(all.subList(5, 10));
        page2.remove(2); // a real gap at 09:07 inside page 2

        ValidatedBatch first = validator.validate(Bars.batch(M1, from, to, page1, 1,
                json.readTree("{\"meta\":{\"page\":1,\"total_pages\":2}}")), CLOSE_10000);
        ValidatedBatch second = validator.validate(Bars.batch(M1, from, to, page2, 2,
                json.readTree("{\"meta\":{\"page\":2,\"total_pages\":2}}")), CLOSE_10000);

        assertTrue(first.batchIssues().isEmpty(), first.batchIssues()::toString);
        assertEquals(List.of(Instant.parse("2025-03-04T00:07:00Z"), Instant.parse("2025-03-04T00:10:00Z")),
                second.batchIssues().stream().map(QualityIssue::timestamp).toList(),
                "the gap inside page 2 and the missing tail of the window up to its end");
    }

    @Test
    void windowLongerThanTheScanLimitIsNotScannedForGaps() {
        BatchValidator shortScan = new BatchValidator(KRX, RuleSet.standard(KRX, new BigDecimal("0.30"), 999_999_999L),
                Duration.ofDays(1));

        ValidatedBatch verdict = shortScan.validate(Bars.batch(M1, "2025-03-04T00:00:00Z", "2025-03-11T00:00:00Z",
                minutes(3)), CLOSE_10000);

        assertTrue(verdict.batchIssues().isEmpty());
    }

    @Test
    void intradayPreviousCloseIsAskedOncePerTradingDay() {
        List<String> asked = new ArrayList<>();
        PreviousCloseSource source = (symbol, day, previous) -> {
            asked.add(symbol + " " + day + " " + previous);
            return Optional.of(BigDecimal.valueOf(10_000));
        };

        validator.validate(firstMinutes(minutes(30), 30), source);

        // 2025-03-03 is a holiday: the trading day before the 4th is Friday the 28th
        assertEquals(List.of("005930 2025-03-04 2025-02-28"), asked);
    }

    /** Every (trading day, previous trading day) the validator asks the source about for these 1m bars. */
    private List<String> previousClosesAskedFor(String... timestamps) {
        List<String> asked = new ArrayList<>();
        PreviousCloseSource source = (symbol, day, previous) -> {
            asked.add(day + " " + previous);
            return Optional.of(BigDecimal.valueOf(10_000));
        };
        List<Bar> bars = java.util.Arrays.stream(timestamps).map(Bars::bar).toList();
        validator.validate(Bars.batch(M1, timestamps[0], timestamps[timestamps.length - 1], bars), source);
        return asked;
    }

    @Test
    void mondayBarsTakeFridaysClose() {
        assertEquals(List.of("2025-03-10 2025-03-07"), previousClosesAskedFor("2025-03-10T00:00:00Z",
                "2025-03-10T06:29:00Z"));
    }

    @Test
    void firstDayAfterTheChuseokHolidaysTakesTheCloseOfTheDayBeforeThem() {
        // 2025-10-03 and 10-06 .. 10-09 are KRX holidays: the trading day before Friday the 10th is Thursday the 2nd
        assertEquals(List.of("2025-10-10 2025-10-02"), previousClosesAskedFor("2025-10-10T00:00:00Z"));
    }

    @Test
    void barsAcrossTheUtcDayBoundaryBelongToTheirKstTradingDay() {
        // 15:29 KST on the 4th; then 00:00 and 08:59 KST on the 5th, still the 4th in UTC; then 09:00 KST on the 5th
        assertEquals(List.of("2025-03-04 2025-02-28", "2025-03-05 2025-03-04"), previousClosesAskedFor(
                "2025-03-04T06:29:00Z", "2025-03-04T15:00:00Z", "2025-03-04T23:59:00Z", "2025-03-05T00:00:00Z"));
    }

    @Test
    void unknownPreviousCloseSkipsTheLimitCheck() {
        Bar spike = bar("2025-03-04T00:00:00Z", 10_000, 99_000, 9_900, 10_050, 1);

        ValidatedBatch verdict = validator.validate(firstMinutes(List.of(spike), 1), PreviousCloseSource.NONE);

        assertEquals(1, verdict.accepted().size());
    }

    @Test
    void dailyBarTakesItsPreviousCloseFromThePreviousTradingDayInTheBatch() {
        List<String> asked = new ArrayList<>();
        PreviousCloseSource source = (symbol, day, previous) -> {
            asked.add(day.toString());
            return Optional.of(BigDecimal.valueOf(10_000));
        };
        List<Bar> days = List.of(
                bar("2025-02-27T00:00:00Z", 10_000, 10_500, 9_800, 10_400, 100),
                bar("2025-02-28T00:00:00Z", 10_400, 20_000, 10_300, 20_000, 100), // +92%: review
                bar("2025-03-04T00:00:00Z", 20_000, 25_000, 19_000, 25_000, 100)); // +25% of 20000: fine

        ValidatedBatch verdict = validator.validate(Bars.batch(BarInterval.ONE_DAY, "2025-02-26T15:00:00Z",
                "2025-03-04T15:00:00Z", days), source);

        assertEquals(List.of("2025-02-27"), asked, "only the first day needs the loader");
        assertEquals(List.of(days.get(0), days.get(2)), verdict.accepted().stream().map(AcceptedBar::bar).toList());
        assertEquals(QuarantineStatus.REVIEW, verdict.quarantined().get(0).status());
        assertTrue(verdict.batchIssues().isEmpty(), "the 3rd is a holiday, not a gap");
    }

    @Test
    void dailyBarWithCriticalFindingsIsNoPreviousClose() {
        Map<LocalDate, BigDecimal> stored = Map.of(LocalDate.parse("2025-02-28"), BigDecimal.valueOf(10_000));
        PreviousCloseSource source = (symbol, day, previous) -> Optional.ofNullable(stored.get(previous));
        List<Bar> days = List.of(
                bar("2025-02-28T00:00:00Z", 10_000, 9_000, 99_000, 99_000, 100),  // inconsistent, close 99000
                bar("2025-03-04T00:00:00Z", 10_000, 10_500, 9_800, 10_400, 100)); // fine against the stored 10000

        ValidatedBatch verdict = validator.validate(Bars.batch(BarInterval.ONE_DAY, "2025-02-27T15:00:00Z",
                "2025-03-04T15:00:00Z", days), source);

        assertEquals(List.of(days.get(1)), verdict.accepted().stream().map(AcceptedBar::bar).toList());
    }
}
