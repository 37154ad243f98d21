package dev.marketpipe.loader.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Handling of database faults (defaults in {@code application.properties}, each overridable by env var). */
@ConfigMapping(prefix = "marketpipe.loader.database")
public interface DatabaseFaultConfig {

    /** Runs in all of a request that meets a write race (unique violation, deadlock, serialization failure). */
    @WithDefault("3")
    int raceAttempts();

    /** How often the write probe checks whether a database that could not write (disk full) can write again. */
    @WithDefault("30S")
    Duration writeProbeInterval();
}
