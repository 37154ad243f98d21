package dev.marketpipe.collector.health;

import dev.marketpipe.health.DatabaseConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;

/**
 * Readiness, spec §8 {@code database_connection}: the collector's PostgreSQL holds the shared rate budget, the
 * leases and the collection state. Without it no request may be sent (the budget grants no token) and the
 * operator API (backfills, leases) cannot answer, so the collector is not ready; a restart would not bring the
 * database back, so liveness is untouched.
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
