package dev.marketpipe.loader.health;

import dev.marketpipe.health.DatabaseConnectionCheck;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;

/**
 * Readiness {@code database_connection}, in place of the datasource's own check so that {@code /q/health} uses the
 * monitoring's check name: the loader stores and reads nothing but PostgreSQL, so without it the pod takes no loads
 * (the archive's outbox redelivers meanwhile). {@link DatabaseWritableCheck} covers a database that answers but refuses
 * writes.
 */
@Readiness
@Singleton
public class LoaderDatabaseCheck extends DatabaseConnectionCheck {

    LoaderDatabaseCheck(DataSource dataSource, HealthConfig config) {
        super(dataSource, config.databaseTimeout());
    }
}
