package dev.marketpipe.validator.health;

import dev.marketpipe.validator.config.ValidatorConfig;
import dev.marketpipe.validator.client.LoaderClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;

/**
 * Readiness: the validator can only finish a request when the loader is ready, so it
 * reports the loader's readiness. The answer is reused for a short while so that frequent probes do not turn
 * into a stream of calls. Liveness has no check of its own: a restart never fixes a down loader.
 */
@Readiness
@ApplicationScoped
public class LoaderReadinessCheck implements HealthCheck {

    private static final String NAME = "loader";

    private final LoaderClient loader;
    private final Duration ttl;
    private volatile HealthCheckResponse last;
    private volatile Instant lastAt = Instant.MIN;

    public LoaderReadinessCheck(LoaderClient loader, ValidatorConfig config) {
        this.loader = loader;
        this.ttl = config.readinessCacheTtl();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse cached = last;
        if (cached != null && Instant.now().isBefore(lastAt.plus(ttl))) {
            return cached;
        }
        HealthCheckResponse fresh;
        try {
            loader.ready();
            fresh = HealthCheckResponse.up(NAME);
        } catch (RuntimeException e) {
            fresh = HealthCheckResponse.named(NAME).down()
                    .withData("reason", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    .build();
        }
        last = fresh;
        lastAt = Instant.now();
        return fresh;
    }
}
