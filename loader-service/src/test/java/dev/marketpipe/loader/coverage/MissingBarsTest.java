package dev.marketpipe.loader.coverage;

import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MissingBarsTest {

    private static final Instant OPEN = Instant.parse("2025-03-04T00:00:00Z");
    private static final Duration FIVE = Duration.ofMinutes(5);

    private static Instant at(int bar) {
        return OPEN.plus(FIVE.multipliedBy(bar));
    }

    private static Coverage coverage(Coverage.Run... runs) {
        long bars = List.of(runs).stream().mapToLong(Coverage.Run::bars).sum();
        return new Coverage("X", BarInterval.FIVE_MINUTES, OPEN, at(100), bars,
                List.of(new Coverage.Day(LocalDate.parse("2025-03-04"), bars, List.of(runs))));
    }

    private static List<Instant> expected(int bars) {
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < bars; i++) {
            starts.add(at(i));
        }
        return starts;
    }

    @Test
    void holesBetweenRunsAndAtBothEndsBecomeHalfOpenRanges() {
        // stored bars 2..4 and 7..7 of 0..9
        List<MissingBars.Range> missing = MissingBars.of(expected(10),
                coverage(new Coverage.Run(at(2), at(4), 3), new Coverage.Run(at(7), at(7), 1)), FIVE);
        assertEquals(List.of(new MissingBars.Range(at(0), at(2), 2), new MissingBars.Range(at(5), at(7), 2),
                new MissingBars.Range(at(8), at(10), 2)), missing);
    }

    @Test
    void aCompleteDayHasNothingMissingAndAnEmptyOneIsOneRange() {
        assertEquals(List.of(), MissingBars.of(expected(10), coverage(new Coverage.Run(at(0), at(9), 10)), FIVE));
        assertEquals(List.of(new MissingBars.Range(at(0), at(10), 10)), MissingBars.of(expected(10), coverage(), FIVE));
    }

    @Test
    void storedBarsOffTheExpectedGridNeitherFillNorSplitAHole() {
        List<MissingBars.Range> missing = MissingBars.of(expected(4),
                coverage(new Coverage.Run(at(0), at(0), 1), new Coverage.Run(at(20), at(21), 2)), FIVE);
        assertEquals(List.of(new MissingBars.Range(at(1), at(4), 3)), missing);
    }
}
