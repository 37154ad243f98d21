package dev.marketpipe.collector.health;

import dev.marketpipe.collector.spool.BatchSpool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;
import java.time.Duration;

/**
 * Shows the spool's backlog on the readiness page without ever failing it: while the archive cannot take batches
 * the collector still collects (into the spool), so it stays ready; the entry says how much waits, how long the
 * oldest has waited, and how many the archive refused for good ({@code dead/}).
 */
@Readiness
@ApplicationScoped
public class ArchiveSpoolHealthCheck implements HealthCheck {

    private final BatchSpool spool;

    ArchiveSpoolHealthCheck(BatchSpool spool) {
        this.spool = spool;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("archive-spool").up()
                .withData("spooledBatches", spool.size())
                .withData("oldestAgeSeconds", spool.oldestAge().map(Duration::toSeconds).orElse(0L))
                .withData("dir", spool.dir().toString());
        try {
            response.withData("deadBatches", spool.deadCount());
        } catch (IOException e) {
            response.withData("deadBatches", "unknown: " + e.getMessage());
        }
        return response.build();
    }
}
