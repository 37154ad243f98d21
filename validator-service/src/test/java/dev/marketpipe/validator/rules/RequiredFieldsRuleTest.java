package dev.marketpipe.validator.rules;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequiredFieldsRuleTest {

    private static final Instant TS = Instant.parse("2025-03-04T00:00:00Z");
    private static final BigDecimal P = BigDecimal.valueOf(10_000);
    private static final BarContext CONTEXT = new BarContext("005930", BarInterval.ONE_MINUTE, null);
    private final RequiredFieldsRule rule = new RequiredFieldsRule();

    static Stream<Arguments> oneFieldMissing() {
        return Stream.of(
                Arguments.of(new Bar(null, "005930", P, P, P, P, 1L, null), "timestamp"),
                Arguments.of(new Bar(TS, null, P, P, P, P, 1L, null), "symbol"),
                Arguments.of(new Bar(TS, " ", P, P, P, P, 1L, null), "symbol"),
                Arguments.of(new Bar(TS, "005930", null, P, P, P, 1L, null), "open"),
                Arguments.of(new Bar(TS, "005930", P, null, P, P, 1L, null), "high"),
                Arguments.of(new Bar(TS, "005930", P, P, null, P, 1L, null), "low"),
                Arguments.of(new Bar(TS, "005930", P, P, P, null, 1L, null), "close"),
                Arguments.of(new Bar(TS, "005930", P, P, P, P, null, null), "volume"));
    }

    @ParameterizedTest(name = "missing {1}")
    @MethodSource("oneFieldMissing")
    void eachRequiredFieldWhenNullIsACriticalMissingField(Bar bar, String field) {
        List<QualityIssue> issues = rule.check(bar, CONTEXT);

        assertEquals(1, issues.size());
        assertEquals(RuleCodes.MISSING_FIELD, issues.get(0).rule());
        assertEquals(Severity.CRITICAL, issues.get(0).severity());
        assertEquals("missing required field: " + field, issues.get(0).message());
    }

    @Test
    void completeBarWithoutOptionalValuePasses() {
        assertTrue(rule.check(new Bar(TS, "005930", P, P, P, P, 0L, null), CONTEXT).isEmpty());
    }

    @Test
    void severalMissingFieldsAreNamedInOneIssue() {
        List<QualityIssue> issues = rule.check(new Bar(TS, "005930", P, P, P, null, null, null), CONTEXT);

        assertEquals(1, issues.size());
        assertEquals("missing required fields: close, volume", issues.get(0).message());
        assertEquals(TS, issues.get(0).timestamp());
    }
}
