package dev.marketpipe.validator.health;

import dev.marketpipe.validator.config.ValidatorConfig;
import dev.marketpipe.validator.quality.QualityTracker;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Health check {@code data_quality}: DOWN while the quality score over the sliding window
 * ({@code marketpipe.validator.quality.window}) is below the KPI's alert threshold
 * ({@code marketpipe.validator.quality.alert-below}, 0.98) and the window holds at least
 * {@code marketpipe.validator.quality.alert-min-records} records — the same state as the quality alert and its gauge.
 *
 * <p>A wellness check ({@code /q/health/well}, shown in {@code /q/health}), neither readiness nor liveness: bad data
 * comes from upstream, and quarantining it is this service's job. A validator taken out of its Service would stop
 * the archive's outbox and so the good data too; a restarted one would empty its window and hide the trouble.
 */
@Wellness
@ApplicationScoped
public class DataQualityCheck implements HealthCheck {

    private final QualityTracker quality;
    private final ValidatorConfig.Quality config;

    public DataQualityCheck(QualityTracker quality, ValidatorConfig config) {
        this.quality = quality;
        this.config = config.quality();
    }

    @Override
    public HealthCheckResponse call() {
        boolean below = quality.belowThreshold();
        return HealthCheckResponse.named("data_quality").status(!below)
                .withData("score", String.format("%.4f", quality.windowScore()))
                .withData("records", quality.windowRecords())
                .withData("minScore", Double.toString(config.alertBelow()))
                .withData("minRecords", config.alertMinRecords())
                .withData("windowSeconds", config.window().toSeconds())
                .build();
    }
}
