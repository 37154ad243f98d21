package dev.marketpipe.loader.health;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Thresholds of the loader's health checks ({@code marketpipe.loader.health}). */
@ConfigMapping(prefix = "marketpipe.loader.health")
public interface HealthConfig {

    /** How long {@code database_connection} waits for PostgreSQL to validate a connection. */
    Duration databaseTimeout();
}
