package dev.marketpipe.loader.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KpiTest {

    @ParameterizedTest(name = "quality {0}% -> {1}")
    @CsvSource({"100, OK", "99.0, OK", "98.99, WARNING", "98.0, WARNING", "97.99, ALERT", "0, ALERT"})
    void aPercentageIsGradedAgainstTargetAndAlertThreshold(double value, Kpi.Status expected) {
        assertEquals(expected, Kpi.atLeast(value, 99.0, 98.0).status());
    }

    @ParameterizedTest(name = "{0} missing intervals -> {1}")
    @CsvSource({"0, OK", "1, WARNING", "5, WARNING", "6, ALERT"})
    void aCountIsGradedAgainstTargetAndAlertThreshold(long value, Kpi.Status expected) {
        assertEquals(expected, Kpi.atMost(value, 0, 5).status());
    }
}
