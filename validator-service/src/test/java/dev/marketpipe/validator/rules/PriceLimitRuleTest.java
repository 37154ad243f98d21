package dev.marketpipe.validator.rules;

import dev.marketpipe.validator.Bars;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceLimitRuleTest {

    private final PriceLimitRule rule = new PriceLimitRule(new BigDecimal("0.30"));

    @ParameterizedTest(name = "previous close {0}: o={1} h={2} l={3} c={4} -> {5}")
    @CsvSource(nullValues = "-", value = {
            // exactly +30% and -30% are allowed; one won beyond is not
            "10000, 10000, 13000, 10000, 13000, -",
            "10000, 10000, 13001, 10000, 13000, high=13001",
            "10000, 7000, 10000, 7000, 7000, -",
            "10000, 7000, 10000, 6999, 7000, low=6999",
            "71500, 71500, 92950, 71500, 92950, -",
            "71500, 71500, 92951, 71500, 92951, 'high=92951, close=92951'",
            "71500, 50050, 71500, 50050, 50050, -",
            "71500, 50049, 71500, 50049, 71500, 'open=50049, low=50049'",
            "10000, 14000, 15000, 5000, 14500, 'open=14000, high=15000, low=5000, close=14500'",
    })
    void everyPriceMustStayWithinTheLimitOfThePreviousClose(long previousClose, long open, long high, long low,
            long close, String expectedFields) {
        BarContext context = new BarContext("005930", BarInterval.ONE_MINUTE, BigDecimal.valueOf(previousClose));

        List<QualityIssue> issues = rule.check(Bars.bar("2025-03-04T00:00:00Z", open, high, low, close, 1), context);

        if (expectedFields == null) {
            assertTrue(issues.isEmpty(), issues::toString);
        } else {
            assertEquals(1, issues.size());
            assertEquals(RuleCodes.PRICE_OUT_OF_RANGE, issues.get(0).rule());
            assertEquals(Severity.HIGH, issues.get(0).severity());
            assertTrue(issues.get(0).message().startsWith(expectedFields + " outside ["), issues.get(0).message());
        }
    }

    @Test
    void unknownPreviousCloseSkipsTheCheck() {
        BarContext context = new BarContext("005930", BarInterval.ONE_MINUTE, null);

        assertTrue(rule.check(Bars.bar("2025-03-04T00:00:00Z", 1, 1_000_000, 1, 1, 1), context).isEmpty());
    }

    @Test
    void messageNamesTheBoundsAndThePreviousClose() {
        BarContext context = new BarContext("005930", BarInterval.ONE_MINUTE, BigDecimal.valueOf(10_000));

        QualityIssue issue = rule.check(Bars.bar("2025-03-04T00:00:00Z", 10_000, 13_001, 10_000, 10_000, 1),
                context).get(0);

        assertEquals("high=13001 outside [7000, 13000] (previous close 10000)", issue.message());
    }

    @Test
    void aLimitOfZeroOrLessIsAConfigurationMistake() {
        assertThrows(IllegalArgumentException.class, () -> new PriceLimitRule(BigDecimal.ZERO));
    }
}
