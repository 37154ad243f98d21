package dev.marketpipe.collector.health;

import dev.marketpipe.collector.provider.AccessTokens;
import dev.marketpipe.collector.provider.Backup;
import dev.marketpipe.collector.provider.FailoverConfig;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Health check {@code api_connection}: UP when the collector holds (or can obtain) an access token from the primary
 * securities API, or — with failover enabled — from the backup. Goes through {@link AccessTokens}, which reuses the
 * cached token and requests a new one at most once per minimum interval, so probing never requests tokens in a loop.
 *
 * <p>A wellness check ({@code /q/health/well}, shown in {@code /q/health}), not readiness: every replica shares the
 * one provider, so an outage would take all of them out of their Service at once, stall every rollout and node drain
 * (the PodDisruptionBudget counts unready pods), and gate only the operators' own API — while the collector goes on
 * retrying, failing over and recording each failure in {@code data_collection_log} whatever its readiness. Nor
 * liveness: a restart brings no provider back. The outage reaches a person through the alerts on collection
 * success; this entry says which side is down and why.
 */
@Wellness
@ApplicationScoped
public class SecuritiesApiHealthCheck implements HealthCheck {

    private final AccessTokens tokens;
    private final AccessTokens backupTokens;
    private final FailoverConfig failover;

    SecuritiesApiHealthCheck(AccessTokens tokens, @Backup AccessTokens backupTokens, FailoverConfig failover) {
        this.tokens = tokens;
        this.backupTokens = backupTokens;
        this.failover = failover;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            tokens.authorization();
            return HealthCheckResponse.up("api_connection");
        } catch (RuntimeException primaryFailure) {
            if (failover.enabled()) {
                try {
                    backupTokens.authorization();
                    return HealthCheckResponse.named("api_connection").up()
                            .withData("primary", describe(primaryFailure)).withData("backup", "up").build();
                } catch (RuntimeException backupFailure) {
                    return HealthCheckResponse.named("api_connection").down()
                            .withData("primary", describe(primaryFailure))
                            .withData("backup", describe(backupFailure)).build();
                }
            }
            return HealthCheckResponse.named("api_connection").down()
                    .withData("error", describe(primaryFailure)).build();
        }
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
