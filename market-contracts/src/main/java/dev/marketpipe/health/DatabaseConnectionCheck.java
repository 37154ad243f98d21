package dev.marketpipe.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The {@code database_connection} health check, for the services that keep state in PostgreSQL (the collector's
 * rate budget and leases, the loader's tables): UP when a pooled connection answers {@link Connection#isValid} within
 * the timeout. Each such service extends it as a {@code @Readiness} bean: a database it cannot reach is dependency
 * trouble (not ready), which a restart does not fix (never liveness).
 */
public abstract class DatabaseConnectionCheck implements HealthCheck {

    /** The check's name in {@code /q/health}, one of the monitoring's named health checks. */
    public static final String NAME = "database_connection";

    private final DataSource dataSource;
    private final Duration timeout;

    protected DatabaseConnectionCheck(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public HealthCheckResponse call() {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(seconds);
            return HealthCheckResponse.named(NAME).status(valid).withData("timeoutSeconds", seconds).build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named(NAME).down().withData("timeoutSeconds", seconds)
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
