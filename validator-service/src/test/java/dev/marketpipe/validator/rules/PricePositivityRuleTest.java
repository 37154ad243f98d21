package dev.marketpipe.validator.rules;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PricePositivityRuleTest {

    private static final BarContext CONTEXT = new BarContext("005930", BarInterval.ONE_MINUTE, null);
    private final PricePositivityRule rule = new PricePositivityRule();

    @ParameterizedTest(name = "o={0} h={1} l={2} c={3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            "100, 105, 98, 103, -",
            "0.01, 0.01, 0.01, 0.01, -",
            "0, 105, 0, 103, 'open=0, low=0'",
            "100, 105, -1, 103, low=-1",
            "100, 105, 98, 0, close=0",
            "100, 0, 98, 103, high=0",
            "-, 105, 0, 103, low=0",
    })
    void pricesAtOrBelowZeroAreCritical(BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
            String expectedFields) {
        Bar bar = new Bar(Instant.parse("2025-03-04T00:00:00Z"), "005930", open, high, low, close, 1L, null);

        List<QualityIssue> issues = rule.check(bar, CONTEXT);

        if (expectedFields == null) {
            assertTrue(issues.isEmpty(), issues::toString);
        } else {
            assertEquals(1, issues.size());
            assertEquals(RuleCodes.PRICE_NOT_POSITIVE, issues.get(0).rule());
            assertEquals(Severity.CRITICAL, issues.get(0).severity());
            assertEquals("price not positive: " + expectedFields, issues.get(0).message());
        }
    }
}
