package dev.marketpipe.validator.temporal;

import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "No duplicates" with the quality action "Duplicate timestamp: keep latest, log warning". Of several
 * records with one timestamp the last in the batch wins (the provider's latest word); each earlier one leaves the
 * verdict as a {@code duplicate_timestamp} batch issue (high) whose message carries its values, so it is never
 * silently dropped. Records without a timestamp are not duplicates of anything; the schema rule handles them.
 */
public final class DuplicateTimestamps {

    /**
     * @param kept   the surviving records in batch order
     * @param issues one issue per dropped record, in batch order
     */
    public record Result(List<Bar> kept, List<QualityIssue> issues) {
    }

    private DuplicateTimestamps() {
    }

    public static Result keepLatest(List<Bar> bars) {
        Map<Instant, Integer> lastIndex = new HashMap<>();
        for (int i = 0; i < bars.size(); i++) {
            Instant ts = bars.get(i).timestamp();
            if (ts != null) {
                lastIndex.put(ts, i);
            }
        }
        if (lastIndex.size() == countWithTimestamp(bars)) {
            return new Result(List.copyOf(bars), List.of());
        }
        List<Bar> kept = new ArrayList<>(lastIndex.size());
        List<QualityIssue> issues = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            Integer winner = bar.timestamp() == null ? null : lastIndex.get(bar.timestamp());
            if (winner == null || winner == i) {
                kept.add(bar);
            } else {
                issues.add(new QualityIssue(RuleCodes.DUPLICATE_TIMESTAMP, Severity.HIGH, bar.timestamp(),
                        "bars[" + i + "] superseded by the later bars[" + winner + "] with the same timestamp; dropped "
                                + describe(bar)));
            }
        }
        return new Result(kept, issues);
    }

    private static long countWithTimestamp(List<Bar> bars) {
        return bars.stream().filter(b -> b.timestamp() != null).count();
    }

    private static String describe(Bar bar) {
        return "open=" + bar.open() + " high=" + bar.high() + " low=" + bar.low() + " close=" + bar.close()
                + " volume=" + bar.volume();
    }
}
