package dev.marketpipe.collector.replica;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Collector replicas sharing the symbol universe through leases ({@code marketpipe.collector.replica}). */
@ConfigMapping(prefix = "marketpipe.collector.replica")
public interface ReplicaConfig {

    /** false: this instance collects every configured symbol and takes no leases (one collector only!). */
    @WithDefault("true")
    boolean enabled();

    /** How long a lease (and an instance's membership) lasts without renewal. */
    @WithDefault("30S")
    Duration leaseDuration();

    /** How often leases are renewed and the share rebalanced; well below the lease duration. */
    @WithDefault("10S")
    Duration renewInterval();

    /**
     * This instance stops treating a lease as its own this long before it would expire in the database, so a
     * paused or slow instance never collects a symbol another one has already taken.
     */
    @WithDefault("2S")
    Duration expiryMargin();

    /** Name of this instance in the lease table; default {@code hostname-pid}. */
    Optional<String> instanceId();
}
