package dev.marketpipe.loader.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The bars the market calendar expects but a {@link Coverage} does not hold, merged into half-open ranges, so the
 * daily report and any other caller derive "missing" from the same coverage runs instead of re-reading bars.
 */
public final class MissingBars {

    private MissingBars() {
    }

    /** A run of consecutive missing bars: starts {@code from} (inclusive) to {@code to} (exclusive). */
    public record Range(Instant from, Instant to, long bars) {
    }

    /**
     * @param expected every bar start the calendar expects, in order (from {@code MarketCalendar.barStarts})
     * @param stored   the coverage of the same symbol and interval over (at least) those starts
     * @param step     the bar interval's length
     */
    public static List<Range> of(List<Instant> expected, Coverage stored, Duration step) {
        Set<Instant> present = new HashSet<>();
        for (Coverage.Day day : stored.days()) {
            for (Coverage.Run run : day.runs()) {
                for (Instant t = run.first(); !t.isAfter(run.last()); t = t.plus(step)) {
                    present.add(t);
                }
            }
        }
        List<Range> ranges = new ArrayList<>();
        Instant from = null;
        Instant previous = null;
        long bars = 0;
        for (Instant start : expected) {
            if (present.contains(start)) {
                continue;
            }
            if (from != null && start.equals(previous.plus(step))) {
                bars++;
            } else {
                if (from != null) {
                    ranges.add(new Range(from, previous.plus(step), bars));
                }
                from = start;
                bars = 1;
            }
            previous = start;
        }
        if (from != null) {
            ranges.add(new Range(from, previous.plus(step), bars));
        }
        return ranges;
    }
}
