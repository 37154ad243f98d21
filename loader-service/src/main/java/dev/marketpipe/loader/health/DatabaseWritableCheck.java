package dev.marketpipe.loader.health;

import dev.marketpipe.loader.database.DatabaseWritability;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@code database-writable} (disk full): DOWN while PostgreSQL refuses writes for lack of disk
 * or other resources, so the pod stops taking loads it cannot store; the datasource's own check covers reachability.
 */
@Readiness
@ApplicationScoped
public class DatabaseWritableCheck implements HealthCheck {

    private final DatabaseWritability writability;

    public DatabaseWritableCheck(DatabaseWritability writability) {
        this.writability = writability;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database-writable");
        return writability.unwritable()
                .map(u -> response.down().withData("fault", u.fault().label())
                        .withData("since", u.since().toString()).withData("detail", u.detail()).build())
                .orElseGet(() -> response.up().build());
    }
}
