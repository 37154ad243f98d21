package dev.marketpipe.validator.temporal;

import dev.marketpipe.validator.Bars;
import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChronologicalOrderTest {

    @ParameterizedTest(name = "minutes {0} -> offenders {1}")
    @CsvSource(nullValues = "-", value = {
            "'', 0, -",
            "0, 0, -",
            "0 1 2 3, 0, -",
            "0 0 1, 0, -",           // a duplicate is not a disorder
            "0 2 1 3, 1, 1",
            "3 2 1 0, 3, 2",
            "0 1 - 0, 1, 0",         // records without a timestamp are skipped
    })
    void recordEarlierThanItsPredecessorIsOutOfOrder(String minutes, int offenders, Integer firstOffenderMinute) {
        List<Bar> bars = Arrays.stream(minutes.split(" ")).filter(s -> !s.isEmpty())
                .map(m -> m.equals("-") ? Bars.withTimestamp(Bars.bar("2025-03-04T00:00:00Z"), null)
                        : Bars.bar("2025-03-04T00:0" + m + ":00Z"))
                .toList();

        Optional<QualityIssue> issue = ChronologicalOrder.check(bars);

        if (offenders == 0) {
            assertTrue(issue.isEmpty());
        } else {
            assertEquals(RuleCodes.OUT_OF_ORDER, issue.orElseThrow().rule());
            assertEquals(Severity.MEDIUM, issue.get().severity());
            assertEquals(Instant.parse("2025-03-04T00:0" + firstOffenderMinute + ":00Z"), issue.get().timestamp());
            assertTrue(issue.get().message().startsWith(offenders + " record"), issue.get().message());
        }
    }
}
