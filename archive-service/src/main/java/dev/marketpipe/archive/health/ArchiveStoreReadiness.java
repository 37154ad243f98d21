package dev.marketpipe.archive.health;

import dev.marketpipe.archive.config.ArchiveConfig;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.ConfiguredArchiveStore;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;

/**
 * Readiness: DOWN while the configured envelope store cannot be reached (an S3 bucket that is unreachable, refuses
 * the credentials or is gone), so the Service stops routing batches here instead of answering each with 503.
 * Liveness is not affected: restarting does not bring a bucket back.
 */
@Readiness
public class ArchiveStoreReadiness implements HealthCheck {

    private final ArchiveStore store;
    private final String kind;

    @Inject
    public ArchiveStoreReadiness(ConfiguredArchiveStore store, ArchiveConfig config) {
        this(store.get(), config.store());
    }

    public ArchiveStoreReadiness(ArchiveStore store, String kind) {
        this.store = store;
        this.kind = kind;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            store.probe();
            return HealthCheckResponse.named("archive-store").up().withData("store", kind).build();
        } catch (IOException | RuntimeException e) {
            return HealthCheckResponse.named("archive-store").down().withData("store", kind)
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
