package dev.marketpipe.validator.validation;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.validator.Bars;
import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.validator.rules.RuleSet;
import dev.marketpipe.market.KrxTickSize;
import dev.marketpipe.validator.rules.TickGridRule;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantineStatus;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.Severity;
import dev.marketpipe.wire.ValidatedBatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The data quality actions for bars, at the boundaries, through {@link BatchValidator}: what happens to one record
 * (accepted clean, accepted with a flag, quarantined for {@code review}, quarantined) and with which reasons and
 * severities; the duplicate, gap and order rows are batch issues. The rules' own tests cover their messages; these
 * tables pin the action each finding leads to.
 *
 * <p>Market: 2025-03-04 (a Tuesday; the Monday before was the Independence Movement Day substitute holiday, so the
 * previous trading day is Friday 2025-02-28), previous close 50,000 KRW: the ±30% band is [35,000, 65,000], the
 * tick 100 KRW from 50,000 up and 50 KRW below. 09:00 KST is 00:00Z.
 */
class BarActionTableTest {

    private static final MarketCalendar KRX = MarketCalendar.krx();
    private static final long PREVIOUS_CLOSE = 50_000;
    private static final LocalDate DAY = LocalDate.parse("2025-03-04");
    /**
     * 2025-03-04's previous close, asked with its previous trading day 2025-02-28 (a wrong previous day gets a
     * close that puts every price out of range); other days' closes are unknown, so the limit is not checked there.
     */
    private static final PreviousCloseSource CLOSES = (symbol, day, previous) -> !day.equals(DAY) ? Optional.empty()
            : Optional.of(BigDecimal.valueOf(previous.equals(LocalDate.parse("2025-02-28")) ? PREVIOUS_CLOSE : 1_000));

    /** What happens to a record. */
    enum Action { ACCEPTED_CLEAN, ACCEPTED_FLAGGED, REVIEW, QUARANTINED }

    private static BatchValidator validator(Optional<TickGridRule> tickGrid) {
        return new BatchValidator(KRX, RuleSet.standard(KRX, new BigDecimal("0.30"), 999_999_999L, tickGrid),
                Duration.ofDays(400));
    }

    private static final BatchValidator STANDARD = validator(Optional.of(TickGridRule.krx()));

    /** A sound bar at {@code timestamp} around the previous close: 50,000 / 50,500 / 49,900 / 50,200, volume 1,000. */
    private static Bar bar(String timestamp) {
        return Bars.bar(timestamp, 50_000, 50_500, 49_900, 50_200, 1_000);
    }

    private static final String T0900 = "2025-03-04T00:00:00Z";

    private static Bar prices(String open, String high, String low, String close) {
        return Bars.withPrices(bar(T0900), dec(open), dec(high), dec(low), dec(close));
    }

    private static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static Bar without(String field) {
        Bar b = bar(T0900);
        return new Bar(field.equals("timestamp") ? null : b.timestamp(), field.equals("symbol") ? null : b.symbol(),
                field.equals("open") ? null : b.open(), field.equals("high") ? null : b.high(),
                field.equals("low") ? null : b.low(), field.equals("close") ? null : b.close(),
                field.equals("volume") ? null : b.volume(), b.value());
    }

    /** Validates {@code bar} alone (no window, so no gap scan) and says what happened to it. */
    private static Outcome judge(BatchValidator validator, BarInterval interval, Bar bar) {
        ValidatedBatch verdict = validator.validate(Bars.batch(interval, null, null, List.of(bar), 1, null), CLOSES);
        assertEquals(List.of(), verdict.batchIssues(), "one record: no batch issue");
        if (verdict.accepted().size() == 1) {
            AcceptedBar accepted = verdict.accepted().get(0);
            assertEquals(bar, accepted.bar(), "accepted as received");
            return new Outcome(accepted.flags().isEmpty() ? Action.ACCEPTED_CLEAN : Action.ACCEPTED_FLAGGED,
                    accepted.flags());
        }
        assertEquals(1, verdict.quarantined().size());
        QuarantinedBar held = verdict.quarantined().get(0);
        assertEquals(bar, held.bar(), "quarantined in its raw form");
        return new Outcome(held.status() == QuarantineStatus.REVIEW ? Action.REVIEW : Action.QUARANTINED,
                held.issues());
    }

    private record Outcome(Action action, List<QualityIssue> issues) {
        List<String> rules() {
            return issues.stream().map(QualityIssue::rule).toList();
        }

        List<Severity> severities() {
            return issues.stream().map(QualityIssue::severity).toList();
        }
    }

    private static List<String> codes(String codes) {
        return codes == null ? List.of() : Arrays.asList(codes.split(" "));
    }

    private static List<Severity> severities(String severities) {
        return severities == null ? List.of()
                : Arrays.stream(severities.split(" ")).map(Severity::valueOf).toList();
    }

    @ParameterizedTest(name = "{0}: O {1} H {2} L {3} C {4} -> {5} {6}")
    @CsvSource(nullValues = "-", textBlock = """
            # price limit, previous close 50,000: [35,000, 65,000] bounds included; the tick is 100 / 50 there
            exactly +30%,                  50000, 65000,   49900, 50200, ACCEPTED_CLEAN, -,                  -
            one tick above +30%,           50000, 65100,   49900, 50200, REVIEW,         price_out_of_range, HIGH
            exactly -30%,                  50000, 50500,   35000, 50200, ACCEPTED_CLEAN, -,                  -
            one tick below -30%,           50000, 50500,   34950, 50200, REVIEW,         price_out_of_range, HIGH
            # tick grid: 100 KRW from 50,000, 50 KRW below
            one tick off the grid,         50000, 50500,   49900, 50250, REVIEW,         price_off_tick,     HIGH
            grid below the band boundary,  49950, 50500,   49900, 50200, ACCEPTED_CLEAN, -,                  -
            half a won off the grid,       50000, 50500.5, 49900, 50200, REVIEW,         price_off_tick,     HIGH
            off the grid beyond the limit, 50000, 65050,   49900, 50200, REVIEW,         price_out_of_range price_off_tick, HIGH HIGH
            off the grid and high < close, 50000, 50050,   49900, 50200, QUARANTINED,    price_off_tick ohlc_inconsistent, HIGH CRITICAL
            # OHLC consistency; a flat bar is consistent
            flat bar,                      50000, 50000,   50000, 50000, ACCEPTED_CLEAN, -,                  -
            high below close,              50000, 50100,   49900, 50200, QUARANTINED,    ohlc_inconsistent,  CRITICAL
            low above open,                50000, 50500,   50100, 50200, QUARANTINED,    ohlc_inconsistent,  CRITICAL
            # price minimum 0, all prices positive
            low zero,                      50000, 50500,   0,     50200, QUARANTINED,    price_not_positive, CRITICAL
            """)
    void priceRowsOfTheActionTable(String row, String open, String high, String low, String close, Action action,
            String rules, String severities) {
        Outcome outcome = judge(STANDARD, BarInterval.ONE_MINUTE, prices(open, high, low, close));

        assertEquals(action, outcome.action(), row);
        assertEquals(codes(rules), outcome.rules(), row);
        assertEquals(severities(severities), outcome.severities(), row);
    }

    @ParameterizedTest(name = "volume {0} -> {1} {2}")
    @CsvSource(nullValues = "-", textBlock = """
            1,             ACCEPTED_CLEAN,   -,                  -
            0,             ACCEPTED_FLAGGED, volume_zero,        LOW
            999999999,     ACCEPTED_CLEAN,   -,                  -
            1000000000,    QUARANTINED,      volume_unrealistic, CRITICAL
            -1,            QUARANTINED,      volume_negative,    CRITICAL
            """)
    void volumeRowsOfTheActionTable(long volume, Action action, String rules, String severities) {
        Outcome outcome = judge(STANDARD, BarInterval.ONE_MINUTE, Bars.withVolume(bar(T0900), volume));

        assertEquals(action, outcome.action());
        assertEquals(codes(rules), outcome.rules());
        assertEquals(severities(severities), outcome.severities());
    }

    /**
     * Timestamp range "market open … market close": a bar start of the day's session at the batch's interval. The
     * session is [open, close): 15:30:00 is the close itself, so no bar starts there (the last 1m bar is 15:29,
     * the last 5m bar 15:25). The trading date is the KST date: 00:00Z is 09:00 KST of the same date, 15:00Z
     * already the next date's 00:00 KST.
     */
    @ParameterizedTest(name = "{0} {1} ({2}) -> {3}")
    @CsvSource(nullValues = "-", textBlock = """
            1m, 2025-03-04T00:00:00Z, 09:00:00 KST first bar (UTC day boundary: same date),  ACCEPTED_CLEAN
            1m, 2025-03-04T06:29:00Z, 15:29 KST last 1m bar,                                 ACCEPTED_CLEAN
            1m, 2025-03-04T06:30:00Z, 15:30:00 KST the close,                                QUARANTINED
            1m, 2025-03-03T23:59:00Z, 08:59 KST on 2025-03-04 (still 2025-03-03 in UTC),     QUARANTINED
            1m, 2025-03-03T23:59:59Z, 08:59:59 KST,                                          QUARANTINED
            1m, 2025-03-04T00:00:30Z, 09:00:30 KST off the minute,                           QUARANTINED
            1m, 2025-03-04T15:00:00Z, 00:00 KST 2025-03-05 (UTC date 2025-03-04),            QUARANTINED
            1m, 2025-03-03T01:00:00Z, 10:00 KST on the substitute holiday,                   QUARANTINED
            5m, 2025-03-04T06:25:00Z, 15:25 KST last 5m bar,                                 ACCEPTED_CLEAN
            5m, 2025-03-04T06:29:00Z, 15:29 KST off the 5m grid,                             QUARANTINED
            1d, 2025-03-04T00:00:00Z, daily bar at the session's open,                       ACCEPTED_CLEAN
            1d, 2025-03-03T15:00:00Z, daily bar at 00:00 KST,                                QUARANTINED
            """)
    void timestampRowsOfTheActionTable(String interval, String timestamp, String row, Action action) {
        Bar bar = Bars.withTimestamp(bar(T0900), Instant.parse(timestamp));

        Outcome outcome = judge(STANDARD, BarInterval.fromCode(interval), bar);

        assertEquals(action, outcome.action(), row);
        if (action == Action.QUARANTINED) {
            assertEquals(List.of(RuleCodes.OUTSIDE_SESSION), outcome.rules(), row);
            assertEquals(List.of(Severity.CRITICAL), outcome.severities(), row);
        }
    }

    @ParameterizedTest(name = "missing {0} -> quarantined, critical")
    @CsvSource({"timestamp", "symbol", "open", "high", "low", "close", "volume"})
    void missingRequiredFieldIsQuarantinedAsCritical(String field) {
        Outcome outcome = judge(STANDARD, BarInterval.ONE_MINUTE, without(field));

        assertEquals(Action.QUARANTINED, outcome.action());
        assertEquals(List.of(RuleCodes.MISSING_FIELD), outcome.rules());
        assertEquals(List.of(Severity.CRITICAL), outcome.severities());
        assertEquals("missing required field: " + field, outcome.issues().get(0).message());
    }

    static Stream<Arguments> tickGridSettings() {
        BatchValidator etfs = validator(Optional.of(new TickGridRule(Set.of(Bars.SYMBOL), 5, KrxTickSize.IN_FORCE_SINCE)));
        BatchValidator off = validator(Optional.empty());
        return Stream.of(
                // the symbol configured as an ETF at 35,005: on the flat 5 KRW tick, off the 50 KRW stock band
                arguments("flat tick, on its grid", etfs, "35005", Action.ACCEPTED_CLEAN),
                arguments("stock bands, same price", STANDARD, "35005", Action.REVIEW),
                // 1,999 is on the stock grid (1 KRW below 2,000), not on the flat 5 KRW one
                arguments("flat tick, off its grid", etfs, "1999", Action.REVIEW),
                arguments("tick grid disabled", off, "50250", Action.ACCEPTED_CLEAN));
    }

    @ParameterizedTest(name = "{0}: close {2} -> {3}")
    @MethodSource("tickGridSettings")
    void tickGridFollowsItsSettings(String row, BatchValidator validator, String close, Action action) {
        BigDecimal price = new BigDecimal(close);
        Bar bar = Bars.withPrices(bar(T0900), price, price, price, price);
        PreviousCloseSource around = (s, d, p) -> Optional.of(price);

        ValidatedBatch verdict = validator.validate(Bars.batch(BarInterval.ONE_MINUTE, null, null, List.of(bar), 1,
                null), around);

        if (action == Action.ACCEPTED_CLEAN) {
            assertEquals(List.of(new AcceptedBar(bar, List.of())), verdict.accepted(), row);
        } else {
            assertEquals(1, verdict.quarantined().size(), row);
            assertEquals(QuarantineStatus.REVIEW, verdict.quarantined().get(0).status(), row);
            assertEquals(List.of(RuleCodes.PRICE_OFF_TICK),
                    verdict.quarantined().get(0).issues().stream().map(QualityIssue::rule).toList(), row);
        }
    }

    /**
     * Duplicate, gap and order rows: batch issues, never a record's quarantine. Duplicate timestamp: the latest copy is
     * kept, the earlier one is a {@code duplicate_timestamp} issue (high, "log warning"); a missing bar inside the
     * window is a {@code gap} issue (medium, reported for backfill); a batch out of order is sorted and reported
     * (medium).
     */
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(textBlock = """
            duplicate timestamp, duplicate_timestamp, HIGH,   2025-03-04T00:01:00Z, 3
            gap,                 gap,                 MEDIUM, 2025-03-04T00:01:00Z, 2
            out of order,        out_of_order,        MEDIUM, 2025-03-04T00:01:00Z, 3
            """)
    void temporalRowsAreBatchIssues(String row, String rule, Severity severity, String at, int accepted) {
        Bar first = bar("2025-03-04T00:00:00Z");
        Bar second = bar("2025-03-04T00:01:00Z");
        Bar third = bar("2025-03-04T00:02:00Z");
        Bar secondAgain = Bars.withVolume(second, 2_000L);
        List<Bar> bars = switch (row) {
            case "duplicate timestamp" -> List.of(first, second, secondAgain, third);
            case "gap" -> List.of(first, third);
            default -> List.of(first, third, second);
        };

        ValidatedBatch verdict = STANDARD.validate(Bars.batch(BarInterval.ONE_MINUTE, "2025-03-04T00:00:00Z",
                "2025-03-04T00:03:00Z", bars), CLOSES);

        assertEquals(1, verdict.batchIssues().size(), row);
        QualityIssue issue = verdict.batchIssues().get(0);
        assertEquals(rule, issue.rule(), row);
        assertEquals(severity, issue.severity(), row);
        assertEquals(Instant.parse(at), issue.timestamp(), row);
        assertEquals(List.of(), verdict.quarantined(), row);
        assertEquals(accepted, verdict.accepted().size(), row);
        assertTrue(verdict.accepted().stream().allMatch(a -> a.flags().isEmpty()), row);
        if (row.equals("duplicate timestamp")) {
            assertEquals(secondAgain, verdict.accepted().get(1).bar(), "the latest copy is kept");
        }
    }
}
