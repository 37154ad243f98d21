package dev.marketpipe.loader.collectionlog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long {@code data_collection_log} rows are kept (logs: 90 days) and how old ones are purged. */
@ConfigMapping(prefix = "marketpipe.loader.collection-log")
public interface CollectionLogRetention {

    /** Rows whose {@code timestamp} is older than this are deleted by the purge job. */
    @WithDefault("90D")
    Duration retention();

    /** Whether the scheduled purge runs at all. */
    @WithDefault("true")
    boolean purgeEnabled();

    /** Quartz cron of the purge job, in Asia/Seoul (read by {@code @Scheduled}). */
    String purgeCron();

    /** Rows deleted per statement, each its own transaction, so a long purge never holds one huge transaction. */
    @WithDefault("10000")
    int purgeChunkSize();
}
