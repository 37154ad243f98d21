package dev.marketpipe.archive.backup;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * One (daily) backup run: the days it covered, each with what was copied.
 *
 * @param trigger {@code schedule} or {@code api}
 * @param target  where the copies went ({@code filesystem:/backup/archive})
 * @param days    the days that had objects, oldest first
 */
public record BackupReport(String trigger, String target, Instant startedAt, Instant finishedAt,
                           List<DayCopyReport> days) {

    /** True when every object of every day is now in the backup target, verified. */
    @JsonProperty("complete")
    public boolean complete() {
        return days.stream().allMatch(DayCopyReport::complete);
    }
}
