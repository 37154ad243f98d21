package dev.marketpipe.archive.retention;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Min;

import java.util.List;
import java.util.Optional;

/**
 * Settings of the archive's retention (retention policy and compression). Ages are counted in
 * days between the trading date in an object's ref ({@code raw/YYYY/MM/DD/}) and today in Asia/Seoul, never from
 * file times: copies in an object store or brought back by a restore keep no meaningful mtime.
 */
@ConfigMapping(prefix = "marketpipe.archive.retention")
public interface RetentionConfig {

    /** Whether the daily job runs ({@code POST /v1/retention/runs} works either way). */
    boolean enabled();

    /** Quartz cron of the daily job, in Asia/Seoul (read by {@code @Scheduled}). */
    String cron();

    /** Envelopes of days more than this many days before today are gzipped ({@code name.json.gz}). */
    @Min(0)
    int compressAfterDays();

    /** Objects of days more than this many days before today are deleted, unless critical. */
    @Min(1)
    int deleteAfterDays();

    /**
     * What is kept forever: entries {@code data_type} or {@code data_type:interval} ({@code market_data:1d},
     * daily bars). Empty: nothing is critical.
     */
    Optional<List<String>> critical();

    /** Folder whose files (logs) are deleted when their last modification is older than {@link #logMaxAgeDays}. */
    Optional<String> logDir();

    @Min(1)
    int logMaxAgeDays();
}
