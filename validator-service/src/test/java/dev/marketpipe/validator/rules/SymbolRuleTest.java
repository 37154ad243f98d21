package dev.marketpipe.validator.rules;

import dev.marketpipe.validator.Bars;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymbolRuleTest {

    private static final BarContext CONTEXT = new BarContext("005930", BarInterval.ONE_MINUTE, null);
    private final SymbolRule rule = new SymbolRule();

    @ParameterizedTest(name = "record symbol {0}: mismatch={1}")
    @CsvSource(nullValues = "-", value = {
            "005930, false",
            "000660, true",
            "5930, true",
            "'005930 ', true",
            "-, false",
    })
    void recordSymbolMustEqualTheBatchSymbol(String symbol, boolean mismatch) {
        List<QualityIssue> issues = rule.check(Bars.withSymbol(Bars.bar("2025-03-04T00:00:00Z"), symbol), CONTEXT);

        if (mismatch) {
            assertEquals(1, issues.size());
            assertEquals(RuleCodes.SYMBOL_MISMATCH, issues.get(0).rule());
            assertEquals(Severity.CRITICAL, issues.get(0).severity());
        } else {
            assertTrue(issues.isEmpty(), issues::toString);
        }
    }
}
