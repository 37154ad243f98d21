package dev.marketpipe.validator.rules;

import dev.marketpipe.market.KrxTickSize;
import dev.marketpipe.validator.Bars;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TickGridRuleTest {

    private static final BarContext CONTEXT = new BarContext(Bars.SYMBOL, BarInterval.ONE_MINUTE, null);

    @Test
    void everyOffGridPriceIsNamedWithItsTickInOneFinding() {
        Bar bar = Bars.bar("2025-03-04T00:00:00Z", 75_050, 75_100, 74_990, 75_000, 10);

        List<QualityIssue> issues = TickGridRule.krx().check(bar, CONTEXT);

        assertEquals(1, issues.size());
        assertEquals(RuleCodes.PRICE_OFF_TICK, issues.get(0).rule());
        assertEquals(Severity.HIGH, issues.get(0).severity());
        assertEquals("off the tick grid: open=75050 (tick 100), low=74990 (tick 100)", issues.get(0).message());
    }

    @Test
    void valueIsNoTradedPriceAndNotChecked() {
        Bar bar = new Bar(Bars.bar("2025-03-04T00:00:00Z").timestamp(), Bars.SYMBOL, BigDecimal.valueOf(10_000),
                BigDecimal.valueOf(10_100), BigDecimal.valueOf(9_900), BigDecimal.valueOf(10_050), 7L,
                BigDecimal.valueOf(70_351));

        assertEquals(List.of(), TickGridRule.krx().check(bar, CONTEXT));
    }

    @Test
    void missingAndNonPositivePricesAreOtherRulesFindings() {
        Bar bar = Bars.withPrices(Bars.bar("2025-03-04T00:00:00Z"), null, BigDecimal.valueOf(-3), BigDecimal.ZERO,
                BigDecimal.valueOf(10_050));

        assertEquals(List.of(), TickGridRule.krx().check(bar, CONTEXT));
    }

    @Test
    void barsBeforeTheTableCameIntoForceAreNotChecked() {
        // 2023-01-24 15:29 KST (06:29Z): under the old KOSDAQ bands 75,050 could be a real price
        Bar lastOldDay = Bars.bar("2023-01-24T06:29:00Z", 75_050, 75_100, 75_000, 75_050, 10);
        Bar firstNewDay = Bars.bar("2023-01-25T00:00:00Z", 75_050, 75_100, 75_000, 75_050, 10);

        assertEquals(List.of(), TickGridRule.krx().check(lastOldDay, CONTEXT));
        assertEquals(1, TickGridRule.krx().check(firstNewDay, CONTEXT).size());
    }

    @Test
    void flatTickMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> new TickGridRule(Set.of("069500"), 0, KrxTickSize.IN_FORCE_SINCE));
    }
}
