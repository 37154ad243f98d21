package dev.marketpipe.validator.rules;

import dev.marketpipe.validator.Bars;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.QualityIssue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VolumeRuleTest {

    private static final BarContext CONTEXT = new BarContext("005930", BarInterval.ONE_MINUTE, null);
    private final VolumeRule rule = new VolumeRule(999_999_999L);

    @ParameterizedTest(name = "volume {0} -> {1} {2}")
    @CsvSource(nullValues = "-", value = {
            "1, -, -",
            "123456, -, -",
            "999999999, -, -",
            "0, volume_zero, LOW",
            "-1, volume_negative, CRITICAL",
            "-999999999999, volume_negative, CRITICAL",
            "1000000000, volume_unrealistic, CRITICAL",
            "9223372036854775807, volume_unrealistic, CRITICAL",
    })
    void volumeBoundaries(long volume, String expectedRule, String expectedSeverity) {
        List<QualityIssue> issues = rule.check(Bars.withVolume(Bars.bar("2025-03-04T00:00:00Z"), volume), CONTEXT);

        if (expectedRule == null) {
            assertTrue(issues.isEmpty(), issues::toString);
        } else {
            assertEquals(1, issues.size(), issues::toString);
            assertEquals(expectedRule, issues.get(0).rule());
            assertEquals(expectedSeverity, issues.get(0).severity().name());
        }
    }

    @org.junit.jupiter.api.Test
    void missingVolumeIsLeftToTheSchemaRule() {
        assertTrue(rule.check(Bars.withVolume(Bars.bar("2025-03-04T00:00:00Z"), null), CONTEXT).isEmpty());
    }
}
