package dev.marketpipe.validator.rules;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.QualityIssue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuleSetTest {

    private final RuleSet rules = RuleSet.standard(MarketCalendar.krx(), new BigDecimal("0.30"), 999_999_999L);

    @Test
    void recordWithSeveralProblemsGetsEveryIssueInRuleOrder() {
        // a Saturday, another symbol, a non-positive open, a negative volume, a high above the limit, high < low
        Bar bar = new Bar(Instant.parse("2025-03-08T01:00:00Z"), "000660", BigDecimal.ZERO,
                BigDecimal.valueOf(13_500), BigDecimal.valueOf(14_000), BigDecimal.valueOf(12_000), -5L, null);

        List<QualityIssue> issues = rules.check(bar, new BarContext("005930", BarInterval.ONE_MINUTE,
                BigDecimal.valueOf(10_000)));

        assertEquals(List.of(RuleCodes.SYMBOL_MISMATCH, RuleCodes.OUTSIDE_SESSION, RuleCodes.PRICE_NOT_POSITIVE,
                        RuleCodes.VOLUME_NEGATIVE, RuleCodes.PRICE_OUT_OF_RANGE, RuleCodes.OHLC_INCONSISTENT),
                issues.stream().map(QualityIssue::rule).toList());
    }

    @Test
    void missingCloseIsReportedWithTheOtherRulesStillApplied() {
        Bar bar = new Bar(Instant.parse("2025-03-04T06:30:00Z"), "005930", BigDecimal.valueOf(10_000),
                BigDecimal.valueOf(10_100), BigDecimal.valueOf(9_900), null, 0L, null);

        List<QualityIssue> issues = rules.check(bar, new BarContext("005930", BarInterval.ONE_MINUTE, null));

        assertEquals(List.of(RuleCodes.MISSING_FIELD, RuleCodes.OUTSIDE_SESSION, RuleCodes.VOLUME_ZERO),
                issues.stream().map(QualityIssue::rule).toList());
        assertEquals("missing required field: close", issues.get(0).message());
    }
}
