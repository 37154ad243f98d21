package dev.marketpipe.validator.temporal;

import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * §5.4 "No duplicates" across batches, with the action-table row "Duplicate timestamp: keep latest, log warning":
 * a record whose timestamp is already stored is the latest word, so it is kept and the loader's upsert replaces the
 * stored bar. Equal values are a harmless redelivery (no issue); different values leave a {@code
 * duplicate_timestamp} batch issue (high, like the in-batch one) naming both. Unlike the in-batch issue, the record
 * it is about is not dropped: it stays in the verdict, so counts of received records must not count it twice
 * ({@link #replacesStoredBar}).
 */
public final class StoredDuplicates {

    private static final String PREFIX = "stored bar replaced by this batch's: ";

    private StoredDuplicates() {
    }

    /**
     * @param kept   the records the verdict accepts (only these reach the market table)
     * @param stored the stored bars of the window by timestamp
     */
    public static List<QualityIssue> find(List<Bar> kept, Map<Instant, Bar> stored) {
        List<QualityIssue> issues = new ArrayList<>();
        for (Bar bar : kept) {
            Bar before = bar.timestamp() == null ? null : stored.get(bar.timestamp());
            if (before != null && !sameValues(before, bar)) {
                issues.add(new QualityIssue(RuleCodes.DUPLICATE_TIMESTAMP, Severity.HIGH, bar.timestamp(),
                        PREFIX + "stored " + describe(before) + "; new " + describe(bar)));
            }
        }
        return issues;
    }

    /** True for an issue of this check: its record was kept, an earlier batch's stored bar is what it replaces. */
    public static boolean replacesStoredBar(QualityIssue issue) {
        return RuleCodes.DUPLICATE_TIMESTAMP.equals(issue.rule()) && issue.message() != null
                && issue.message().startsWith(PREFIX);
    }

    /** Prices compare by value, not scale: the database answers 71000.00 for a delivered 71000. */
    static boolean sameValues(Bar stored, Bar delivered) {
        return sameNumber(stored.open(), delivered.open()) && sameNumber(stored.high(), delivered.high())
                && sameNumber(stored.low(), delivered.low()) && sameNumber(stored.close(), delivered.close())
                && Objects.equals(stored.volume(), delivered.volume())
                && sameNumber(stored.value(), delivered.value());
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String describe(Bar bar) {
        return "open=" + bar.open() + " high=" + bar.high() + " low=" + bar.low() + " close=" + bar.close()
                + " volume=" + bar.volume() + (bar.value() == null ? "" : " value=" + bar.value());
    }
}
