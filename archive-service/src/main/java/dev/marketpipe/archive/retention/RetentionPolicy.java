package dev.marketpipe.archive.retention;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The ages of the archive's retention policy: envelopes of days more than {@code compressAfterDays} before today are
 * gzipped, and objects of days more than {@code deleteAfterDays} before today are deleted unless critical.
 */
record RetentionPolicy(int compressAfterDays, int deleteAfterDays) {

    /** Where a day stands. */
    enum Stage {
        /** Young: left as it is. */
        FRESH,
        /** Old enough to be gzipped. */
        COMPRESS,
        /** Old enough to be deleted, unless critical (which is gzipped and kept). */
        EXPIRED
    }

    RetentionPolicy {
        if (compressAfterDays < 0 || deleteAfterDays < 1) {
            throw new IllegalArgumentException("retention ages must be compress >= 0, delete >= 1 days");
        }
    }

    Stage stageOf(LocalDate day, LocalDate today) {
        long age = ChronoUnit.DAYS.between(day, today);
        if (age > deleteAfterDays) {
            return Stage.EXPIRED;
        }
        return age > compressAfterDays ? Stage.COMPRESS : Stage.FRESH;
    }
}
