package dev.marketpipe.validator.temporal;

import dev.marketpipe.validator.Bars;
import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateTimestampsTest {

    @Test
    void latestOccurrenceIsKeptAndEachEarlierOneBecomesAHighIssue() {
        Bar first = Bars.bar("2025-03-04T00:00:00Z", 100, 101, 99, 100, 1);
        Bar other = Bars.bar("2025-03-04T00:01:00Z", 100, 101, 99, 100, 2);
        Bar second = Bars.bar("2025-03-04T00:00:00Z", 100, 102, 99, 101, 3);
        Bar third = Bars.bar("2025-03-04T00:00:00Z", 100, 103, 99, 102, 4);

        DuplicateTimestamps.Result result = DuplicateTimestamps.keepLatest(List.of(first, other, second, third));

        assertEquals(List.of(other, third), result.kept());
        assertEquals(2, result.issues().size());
        QualityIssue issue = result.issues().get(0);
        assertEquals(RuleCodes.DUPLICATE_TIMESTAMP, issue.rule());
        assertEquals(Severity.HIGH, issue.severity());
        assertEquals(Instant.parse("2025-03-04T00:00:00Z"), issue.timestamp());
        assertEquals("bars[0] superseded by the later bars[3] with the same timestamp; dropped open=100 high=101 "
                + "low=99 close=100 volume=1", issue.message());
        assertTrue(result.issues().get(1).message().startsWith("bars[2] superseded by the later bars[3]"));
    }

    @Test
    void recordsWithoutTimestampAreNeverDuplicates() {
        Bar a = Bars.withTimestamp(Bars.bar("2025-03-04T00:00:00Z"), null);
        Bar b = Bars.withTimestamp(Bars.bar("2025-03-04T00:00:00Z"), null);

        DuplicateTimestamps.Result result = DuplicateTimestamps.keepLatest(List.of(a, b));

        assertEquals(2, result.kept().size());
        assertTrue(result.issues().isEmpty());
    }

    @Test
    void batchWithoutDuplicatesIsUnchanged() {
        List<Bar> bars = List.of(Bars.bar("2025-03-04T00:00:00Z"), Bars.bar("2025-03-04T00:01:00Z"));

        DuplicateTimestamps.Result result = DuplicateTimestamps.keepLatest(bars);

        assertEquals(bars, result.kept());
        assertTrue(result.issues().isEmpty());
    }
}
