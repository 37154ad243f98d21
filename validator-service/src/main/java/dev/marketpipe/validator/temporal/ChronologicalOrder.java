package dev.marketpipe.validator.temporal;

import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Timestamp order: ensure chronological order. Providers answer in time order; a record that
 * comes after a later one says the response was reshuffled or spliced. One {@code out_of_order} batch issue
 * (medium) dated at the first offending record; the verdict itself is sorted, so the loader never sees the
 * disorder.
 */
public final class ChronologicalOrder {

    private ChronologicalOrder() {
    }

    public static Optional<QualityIssue> check(List<Bar> bars) {
        Instant previous = null;
        Instant firstOffender = null;
        int offenders = 0;
        for (Bar bar : bars) {
            Instant ts = bar.timestamp();
            if (ts == null) {
                continue;
            }
            if (previous != null && ts.isBefore(previous)) {
                offenders++;
                if (firstOffender == null) {
                    firstOffender = ts;
                }
            }
            previous = ts;
        }
        if (offenders == 0) {
            return Optional.empty();
        }
        return Optional.of(new QualityIssue(RuleCodes.OUT_OF_ORDER, Severity.MEDIUM, firstOffender,
                offenders + (offenders == 1 ? " record comes" : " records come")
                        + " after a later timestamp; the verdict is sorted"));
    }
}
