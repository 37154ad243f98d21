package dev.marketpipe.loader.partition;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Monthly partitions of the intraday market tables (migration V7) and daily
 * partitions of the ticks (migration V9).
 */
@ConfigMapping(prefix = "marketpipe.loader.partitions")
public interface PartitionConfig {

    /** Months after the current KST month whose partitions exist at all times (created at start-up and by a job). */
    @WithDefault("3")
    int monthsAhead();

    /**
     * Longest wait for the lock that creating a partition takes on its parent table; a load that has to create a
     * month's partition and cannot get the lock in time fails, and the archive's outbox delivers it again.
     */
    @WithDefault("10s")
    Duration lockTimeout();

    /** Days after the current KST day whose tick partitions exist at all times. */
    @WithDefault("7")
    int tickDaysAhead();

    /** How long trades are kept: day partitions of {@code market_ticks} older than this are dropped (e.g. {@code 30D}). */
    @WithDefault("30D")
    Duration tickRetention();

    /** How often the partitions ahead are checked (a Quarkus scheduler period such as {@code 6h}). */
    @WithDefault("6h")
    String checkEvery();
}
