package dev.marketpipe.collector.provider;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Automatic failover to the backup source after a number of failed calls ({@code marketpipe.collector.failover}). */
@ConfigMapping(prefix = "marketpipe.collector.failover")
public interface FailoverConfig {

    /** Use the backup source at all (failover and reconciliation). */
    boolean enabled();

    /**
     * How many consecutive primary calls that failed after their retries (or hit the open breaker) switch collection
     * to the backup.
     */
    int afterConsecutiveFailures();

    /** While on the backup, how often the primary is probed to switch back. */
    Duration probeInterval();
}
