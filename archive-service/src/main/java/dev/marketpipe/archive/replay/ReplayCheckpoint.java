package dev.marketpipe.archive.replay;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;

/**
 * How far a replay has come for good: every batch of the day folders up to {@code doneThrough} was acknowledged (or
 * failed for good), with the counts of those days. A replay resumed after a restart starts with the day after it and
 * with these counts, so no day before it is sent again and none is counted twice.
 *
 * @param doneThrough the last day folder done; null: none yet
 */
@RegisterForReflection
public record ReplayCheckpoint(LocalDate doneThrough, int batchesSent, int batchesFailed, long bars, long records) {

    static final ReplayCheckpoint NONE = new ReplayCheckpoint(null, 0, 0, 0, 0);

    /** True when the day folder {@code day} still has to be sent. */
    boolean pending(LocalDate day) {
        return doneThrough == null || day.isAfter(doneThrough);
    }
}
