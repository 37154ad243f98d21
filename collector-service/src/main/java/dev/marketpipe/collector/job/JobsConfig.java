package dev.marketpipe.collector.job;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How durable collection jobs are run ({@link JobRunner}), under {@code marketpipe.collector.jobs}. */
@ConfigMapping(prefix = "marketpipe.collector.jobs")
public interface JobsConfig {

    /** Windows (API requests of backfills and gap-fills) in flight at once on this replica. */
    int parallelism();

    /** How often an idle replica looks for pending windows (a new job wakes it at once). */
    Duration pollInterval();

    /**
     * How long a replica holds a window it works on; renewed while it runs. A window whose replica died is taken
     * over once this has passed.
     */
    Duration claim();

    /** On a graceful stop, how long running windows may finish before the rest is handed over. */
    Duration stopGrace();

    /**
     * Attempts a window gets when its request fails after its own retries (a provider outage, an open circuit
     * breaker); a request the provider refuses as wrong (400) gets one.
     */
    int windowAttempts();

    /** Wait before a failed window's second attempt; doubles up to {@link #windowRetryMaxDelay()}. */
    Duration windowRetryDelay();

    Duration windowRetryMaxDelay();
}
