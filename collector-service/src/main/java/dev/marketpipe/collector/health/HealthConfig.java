package dev.marketpipe.collector.health;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Thresholds of the collector's health checks ({@code marketpipe.collector.health}). */
@ConfigMapping(prefix = "marketpipe.collector.health")
public interface HealthConfig {

    /** How long {@code database_connection} waits for PostgreSQL to answer. */
    Duration databaseTimeout();

    /** {@code disk_space}: the spool folder's disk. */
    DiskSpace diskSpace();

    /** {@code last_collection}. */
    LastCollection lastCollection();

    interface DiskSpace {
        /** Below this many GB (10^9 bytes) usable on the spool's disk the collector is not ready. */
        double minFreeGb();
    }

    interface LastCollection {
        /** The longest time without a collected batch while the KRX regular session runs. */
        Duration maxAge();
    }
}
