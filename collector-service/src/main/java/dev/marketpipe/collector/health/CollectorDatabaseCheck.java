package dev.marketpipe.collector.health;

import dev.marketpipe.health.DatabaseConnectionCheck;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;

/**
 * Readiness check {@code database_connection}: the collector's PostgreSQL holds the shared rate budget, the
 * leases and the collection state. Without it no request may be sent (the budget grants no token) and the
 * operator API (backfills, leases) cannot answer, so the collector is not ready.
 */
@Readiness
@Singleton
public class CollectorDatabaseCheck extends DatabaseConnectionCheck {

    CollectorDatabaseCheck(DataSource dataSource, HealthConfig config) {
        super(dataSource, config.databaseTimeout());
    }
}
