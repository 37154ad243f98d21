package dev.marketpipe.validator.records;

import dev.marketpipe.wire.AccountSnapshot;
import dev.marketpipe.wire.OrderRecord;
import dev.marketpipe.wire.Position;
import dev.marketpipe.wire.QualityIssue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccountRulesTest {

    private static final Instant AT = Instant.parse("2025-03-04T01:00:00Z");
    private final AccountRules rules = new AccountRules(BigDecimal.ONE);

    private static BigDecimal krw(long value) {
        return BigDecimal.valueOf(value);
    }

    private static List<String> codes(List<QualityIssue> issues) {
        return issues.stream().map(QualityIssue::rule).toList();
    }

    @Test
    void anAccountWhoseTotalIsCashPlusPositionsPasses() {
        assertEquals(List.of(), codes(rules.check(new AccountSnapshot("1234****-01", AT, "KRW", krw(100), krw(50),
                krw(150), 1))));
    }

    @Test
    void aRoundingDifferenceWithinTheTolerancePasses() {
        assertEquals(List.of(), codes(rules.check(new AccountSnapshot("1234****-01", AT, "KRW", krw(100), krw(50),
                krw(151), 1))));
    }

    @Test
    void aTotalThatDoesNotAddUpIsRejected() {
        assertEquals(List.of("totals_mismatch"), codes(rules.check(new AccountSnapshot("1234****-01", AT, "KRW",
                krw(100), krw(50), krw(160), 1))));
    }

    @Test
    void negativeCashIsRejected() {
        assertEquals(List.of("quantity_negative"), codes(rules.check(new AccountSnapshot("1234****-01", AT, "KRW",
                krw(-100), krw(150), krw(50), 1))));
    }

    @Test
    void anAccountWithoutTotalIsMissingAField() {
        assertEquals(List.of("missing_field"), codes(rules.check(new AccountSnapshot("1234****-01", AT, "KRW",
                krw(100), krw(50), null, 1))));
    }

    @Test
    void aPositionValuedAtQuantityTimesPricePasses() {
        assertEquals(List.of(), codes(rules.check(new Position(AT, "005930", 10L, krw(70_000), krw(75_000),
                krw(750_000), krw(50_000)))));
    }

    @Test
    void aNegativeHoldingIsRejected() {
        assertEquals(List.of("quantity_negative", "totals_mismatch"), codes(rules.check(new Position(AT, "005930",
                -10L, krw(70_000), krw(75_000), krw(750_000), krw(0)))));
    }

    @Test
    void aPositionValueThatDoesNotAddUpIsRejected() {
        assertEquals(List.of("totals_mismatch"), codes(rules.check(new Position(AT, "005930", 10L, krw(70_000),
                krw(75_000), krw(700_000), krw(0)))));
    }

    @Test
    void aFilledOrderPasses() {
        assertEquals(List.of(), codes(rules.check(new OrderRecord("o-1", AT, "005930", "buy", 10L, krw(75_000), 10L,
                krw(75_000), "filled"))));
    }

    @Test
    void moreFilledThanOrderedIsRejected() {
        assertEquals(List.of("totals_mismatch"), codes(rules.check(new OrderRecord("o-1", AT, "005930", "sell", 10L,
                krw(75_000), 11L, krw(75_000), "filled"))));
    }

    @Test
    void anOrderWithoutIdIsMissingAField() {
        assertEquals(List.of("missing_field"), codes(rules.check(new OrderRecord(null, AT, "005930", "buy", 10L,
                krw(75_000), 0L, null, "cancelled"))));
    }

    @Test
    void anUnknownSideIsRejected() {
        assertEquals(List.of("unknown_value"), codes(rules.check(new OrderRecord("o-1", AT, "005930", "hold", 10L,
                krw(75_000), 0L, null, "cancelled"))));
    }

    @Test
    void fillsWithoutAFillPriceAreMissingAField() {
        assertEquals(List.of("missing_field"), codes(rules.check(new OrderRecord("o-1", AT, "005930", "buy", 10L,
                krw(75_000), 5L, null, "partially_filled"))));
    }
}
