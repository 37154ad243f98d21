package dev.marketpipe.loader.health;

import dev.marketpipe.health.DatabaseConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;

/**
 * Readiness, spec §8 {@code database_connection} (in place of the datasource's own check, so {@code /q/health} uses
 * the spec's name): the loader writes and reads nothing but PostgreSQL, so without it the pod takes no loads (the
 * archive's outbox redelivers meanwhile). Liveness is untouched: a restart does not bring the database back.
 * {@link DatabaseWritableCheck} covers a database that answers but refuses writes.
 */
@Readiness
@ApplicationScoped
public class DatabaseConnectionCheck implements HealthCheck {

    private final DatabaseConnection database;

    DatabaseConnectionCheck(DataSource dataSource, HealthConfig config) {
        this.database = new DatabaseConnection(dataSource, config.databaseTimeout());
    }

    @Override
    public HealthCheckResponse call() {
        return database.check();
    }
}
