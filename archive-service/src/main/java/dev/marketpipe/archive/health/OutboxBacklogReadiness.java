package dev.marketpipe.archive.health;

import dev.marketpipe.archive.config.ArchiveConfig;
import dev.marketpipe.archive.outbox.OutboxForwarder;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Readiness (it degrades when the backlog is old): DOWN while the oldest batch waiting in
 * the outbox has waited longer than {@code marketpipe.archive.outbox.max-backlog-age} — downstream has not
 * acknowledged for that long, so this replica stops taking new batches and the collector keeps them until it
 * recovers. Liveness is not affected: a restart would not make the validator answer.
 */
@Readiness
public class OutboxBacklogReadiness implements HealthCheck {

    private final OutboxForwarder forwarder;
    private final Duration maxAge;

    @Inject
    public OutboxBacklogReadiness(OutboxForwarder forwarder, ArchiveConfig config) {
        this(forwarder, config.outbox().maxBacklogAge());
    }

    public OutboxBacklogReadiness(OutboxForwarder forwarder, Duration maxAge) {
        this.forwarder = forwarder;
        this.maxAge = maxAge;
    }

    @Override
    public HealthCheckResponse call() {
        double ageSeconds = forwarder.oldestAgeSeconds();
        boolean fresh = ageSeconds <= maxAge.toMillis() / 1000.0;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-backlog")
                .status(fresh)
                .withData("backlog", forwarder.backlog())
                .withData("oldestAgeSeconds", (long) ageSeconds)
                .withData("maxAgeSeconds", maxAge.toSeconds());
        if (!fresh) {
            response.withData("reason", "the oldest unacknowledged batch has waited " + (long) ageSeconds
                    + " s, longer than " + maxAge.toSeconds() + " s (marketpipe.archive.outbox.max-backlog-age);"
                    + " is the validator down or refusing?");
        }
        return response.build();
    }
}
