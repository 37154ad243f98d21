package dev.marketpipe.collector.outcome;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Reporting failed collection attempts to the loader's {@code data_collection_log} ({@code marketpipe.collector.collection-log}). */
@ConfigMapping(prefix = "marketpipe.collector.collection-log")
public interface CollectionLogConfig {

    /** Reports waiting for the loader; beyond this the oldest is dropped (and counted). */
    int queueCapacity();

    /** First wait after the loader could not be reached; doubles up to {@link #retryMaxDelay()}. */
    Duration retryInitialDelay();

    Duration retryMaxDelay();
}
