package dev.marketpipe.archive.backup;

import dev.marketpipe.archive.store.s3.S3Settings;
import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Min;

/**
 * Settings of the archive's backup (daily, to a second store). The target is an
 * {@code ArchiveStore} of its own, chosen by {@link #target()}: the same layout as the live archive, so a day is
 * copied, verified and restored object by object.
 */
@ConfigMapping(prefix = "marketpipe.archive.backup")
public interface BackupConfig {

    /** Whether the daily job runs ({@code POST /v1/backups} and restores work either way). */
    boolean enabled();

    /** Quartz cron of the daily job, in Asia/Seoul (read by {@code @Scheduled}). */
    String cron();

    /** Kind of backup target: {@code filesystem} (a second folder), {@code s3} (an S3-compatible bucket). */
    String target();

    /** Folder of the {@code filesystem} target; it gets a {@code raw/} like the live archive's root. */
    String root();

    /** The bucket of the {@code s3} target ({@code marketpipe.archive.backup.s3.bucket}, …endpoint, …key-prefix…). */
    S3Settings s3();

    /**
     * How many days before today each daily run covers: yesterday and the days before it, so days missed while
     * the service was down (or still written to after midnight) are copied on the next runs. Copies already
     * present and identical are skipped.
     */
    @Min(1)
    int lookbackDays();
}
