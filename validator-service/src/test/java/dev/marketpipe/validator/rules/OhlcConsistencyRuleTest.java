package dev.marketpipe.validator.rules;

import dev.marketpipe.validator.Bars;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OhlcConsistencyRuleTest {

    private static final BarContext CONTEXT = new BarContext("005930", BarInterval.ONE_MINUTE, null);
    private final OhlcConsistencyRule rule = new OhlcConsistencyRule();

    @ParameterizedTest(name = "o={0} h={1} l={2} c={3}: consistent={4}")
    @CsvSource({
            "100, 105, 98, 103, true",    // a valid bar
            "100, 95, 98, 103, false",    // an invalid bar: high below open, close and low
            "100, 100, 100, 100, true",   // a flat bar
            "100, 103, 100, 103, true",   // high = close, low = open
            "100, 98, 105, 100, false",   // high below low
            "100, 102, 98, 103, false",   // high below close
            "100, 105, 101, 103, false",  // low above open
            "100, 105, 98, 97, false",    // low above close
    })
    void highIsHighestAndLowIsLowest(long open, long high, long low, long close, boolean consistent) {
        List<QualityIssue> issues = rule.check(Bars.bar("2025-03-04T00:00:00Z", open, high, low, close, 1), CONTEXT);

        if (consistent) {
            assertTrue(issues.isEmpty(), issues::toString);
        } else {
            assertEquals(1, issues.size());
            assertEquals(RuleCodes.OHLC_INCONSISTENT, issues.get(0).rule());
            assertEquals(Severity.CRITICAL, issues.get(0).severity());
        }
    }

    @Test
    void highBelowLowBreaksBothConditionsInOneIssue() {
        QualityIssue issue = rule.check(Bars.bar("2025-03-04T00:00:00Z", 100, 98, 105, 100, 1), CONTEXT).get(0);

        assertEquals("high 98 is below max(open, close, low); low 105 is above min(open, close, high)",
                issue.message());
    }

    @Test
    void missingPriceIsLeftToTheSchemaRule() {
        assertTrue(rule.check(Bars.withPrices(Bars.bar("2025-03-04T00:00:00Z"), null,
                java.math.BigDecimal.ONE, java.math.BigDecimal.TEN, java.math.BigDecimal.ONE), CONTEXT).isEmpty());
    }
}
