package dev.marketpipe.validator.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.validator.rules.TickGridRule;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.SourceRole;
import dev.marketpipe.wire.Tick;
import dev.marketpipe.wire.ValidatedBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tick rules, one trade at a time and along a batch (the cumulative volume never decreases). */
class TickRulesTest {

    /** 2025-03-05 09:33:54 KST, a Wednesday session. */
    private static final Instant IN_SESSION = Instant.parse("2025-03-05T00:33:54Z");
    private static final TickRules RULES =
            new TickRules(MarketCalendar.krx(), new BigDecimal("0.30"), Optional.of(TickGridRule.krx()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            a trade in the session                      | 005930 | 2025-03-05T00:33:54Z | 71900  | 10 | 72000 | accepted
            the closing auction at 15:30:00             | 005930 | 2025-03-05T06:30:00Z | 71900  | 10 | 72000 | accepted
            no price                                    | 005930 | 2025-03-05T00:33:54Z | -      | 10 | 72000 | missing_field
            no time                                     | 005930 | -                    | 71900  | 10 | 72000 | missing_field
            a zero price                                | 005930 | 2025-03-05T00:33:54Z | 0      | 10 | 72000 | price_not_positive
            off the tick grid (100 KRW at 71,950)       | 005930 | 2025-03-05T00:33:54Z | 71950  | 10 | 72000 | price_off_tick
            beyond the +30% limit                       | 005930 | 2025-03-05T00:33:54Z | 93700  | 10 | 72000 | price_out_of_range
            at the +30% limit                           | 005930 | 2025-03-05T00:33:54Z | 93600  | 10 | 72000 | accepted
            a zero quantity                             | 005930 | 2025-03-05T00:33:54Z | 71900  | 0  | 72000 | quantity_not_positive
            before the open                             | 005930 | 2025-03-04T23:59:59Z | 71900  | 10 | 72000 | outside_session
            after the close                             | 005930 | 2025-03-05T06:30:01Z | 71900  | 10 | 72000 | outside_session
            on a Saturday                               | 005930 | 2025-03-08T00:33:54Z | 71900  | 10 | 72000 | outside_session
            another symbol than the batch's             | 000660 | 2025-03-05T00:33:54Z | 71900  | 10 | 72000 | symbol_mismatch
            """)
    void eachRuleOnOneTrade(String row, String symbol, Instant at, BigDecimal price, long quantity,
            BigDecimal previousClose, String expected) {
        Tick tick = new Tick(symbol, at, price, quantity, 1_000L, null, previousClose);

        List<QualityIssue> issues = RULES.check(List.of(tick), "005930").get(0);

        assertEquals(expected, issues.isEmpty() ? "accepted"
                : String.join(" ", issues.stream().map(QualityIssue::rule).toList()), row);
    }

    @Test
    void aTradeWhoseCumulativeVolumeFallsBelowTheOneBeforeItIsQuarantinedAndTheRestAccepted() {
        List<Tick> ticks = List.of(tick(1_000), tick(1_010), tick(1_005), tick(1_020));

        ValidatedBatch verdict = RecordVerdict.VALIDATOR.validate(batch(ticks));

        assertEquals(List.of(tick(1_000), tick(1_010), tick(1_020)), verdict.acceptedRecords().ticks());
        assertEquals(1, verdict.quarantinedRecords().size());
        assertEquals(List.of(RecordRuleCodes.VOLUME_DECREASING),
                verdict.quarantinedRecords().get(0).issues().stream().map(QualityIssue::rule).toList());
        assertEquals(0.75, verdict.qualityScore());
    }

    private static Tick tick(long cumulativeVolume) {
        return new Tick("005930", IN_SESSION, new BigDecimal("71900"), 5L, cumulativeVolume, null,
                new BigDecimal("72000"));
    }

    private static CollectedBatch batch(List<Tick> ticks) {
        return new CollectedBatch(UUID.randomUUID(), DataType.TICKS, "005930", null, SourceRole.PRIMARY, "kis",
                IN_SESSION, IN_SESSION.plusSeconds(1), 1, IN_SESSION, 0, 1, "v1", "test", null, null,
                "raw/2025/03/05/x.json", BatchRecords.ofTicks(ticks));
    }
}
