package dev.marketpipe.collector.outcome;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Reporting failed collection attempts to the loader's {@code data_collection_log} ({@code marketpipe.collector.collection-log}). */
@ConfigMapping(prefix = "marketpipe.collector.collection-log")
public interface CollectionLogConfig {

    /** Reports kept for the loader (in the database, or in memory while it is down); beyond this the oldest are dropped (and counted). */
    int queueCapacity();

    /** How often kept reports are looked for when nothing new arrived (reports another replica left behind). */
    Duration pollInterval();

    /** First wait after the loader could not be reached; doubles up to {@link #retryMaxDelay()}. */
    Duration retryInitialDelay();

    Duration retryMaxDelay();
}
