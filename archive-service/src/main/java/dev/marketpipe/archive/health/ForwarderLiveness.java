package dev.marketpipe.archive.health;

import dev.marketpipe.archive.outbox.OutboxForwarder;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: DOWN only when an outbox forwarding thread died — then nothing would be forwarded until a restart.
 * A validator outage is not a reason (the backlog gauge shows it; restarting would not help).
 */
@Liveness
public class ForwarderLiveness implements HealthCheck {

    private final OutboxForwarder forwarder;

    @Inject
    public ForwarderLiveness(OutboxForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox-forwarder")
                .status(forwarder.isAlive())
                .withData("backlog", forwarder.backlog())
                .build();
    }
}
