package dev.marketpipe.collector.provider;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Spec §1 "Failover Procedure: automatic switch after X failed attempts" ({@code marketpipe.collector.failover}). */
@ConfigMapping(prefix = "marketpipe.collector.failover")
public interface FailoverConfig {

    /** Use the backup source at all (failover and reconciliation). */
    boolean enabled();

    /** The spec's X: consecutive primary calls that failed after their retries (or hit the open breaker). */
    int afterConsecutiveFailures();

    /** While on the backup, how often the primary is probed to switch back. */
    Duration probeInterval();
}
