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
 * "No duplicates" across batches, with the quality action "Duplicate timestamp: keep latest, log warning":
 * a record whose timestamp is already stored is the latest word, so it is kept and the loader's upsert replaces the
 * stored bar. Equal values are a harmless redelivery (no issue); different values leave a {@code
 * stored_bar_replaced} batch issue (high, like the in-batch {@code duplicate_timestamp}) naming both. It has a code of
 * its own because, unlike the in-batch issue, the record it is about is not dropped: it stays in the verdict, and
 * counts of dropped records must not count it.
 */
public final class StoredDuplicates {

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
                issues.add(new QualityIssue(RuleCodes.STORED_BAR_REPLACED, Severity.HIGH, bar.timestamp(),
                        "stored " + describe(before) + "; new " + describe(bar)));
            }
        }
        return issues;
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
