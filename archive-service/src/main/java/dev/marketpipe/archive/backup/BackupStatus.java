package dev.marketpipe.archive.backup;

import java.time.Instant;

/**
 * What {@code GET /v1/backups} answers: the target, whether a backup or restore is running, the last backup run
 * (null before the first) and when a run last completed without a failure (null if never, since start-up).
 */
public record BackupStatus(String target, boolean scheduled, boolean running, BackupReport lastRun,
                           Instant lastCompleteRunAt) {
}
