package dev.marketpipe.collector.health;

import dev.marketpipe.collector.spool.BatchSpool;
import dev.marketpipe.collector.spool.SpoolDrainer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: DOWN only when the spool's drainer has stopped for good (an unexpected error ended its thread's work),
 * so spooled batches would wait for the archive forever — a restart starts it again and drains them. An archive
 * that refuses or is down is no reason (the drainer keeps retrying with backoff; a restart would not help).
 */
@Liveness
@ApplicationScoped
public class SpoolDrainerLiveness implements HealthCheck {

    private final SpoolDrainer drainer;
    private final BatchSpool spool;

    SpoolDrainerLiveness(SpoolDrainer drainer, BatchSpool spool) {
        this.drainer = drainer;
        this.spool = spool;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("spool-drainer").status(drainer.isDraining())
                .withData("spooledBatches", spool.size()).build();
    }
}
