package dev.marketpipe.collector.health;

import dev.marketpipe.collector.failover.FailoverConfig;
import dev.marketpipe.collector.provider.AccessTokens;
import dev.marketpipe.collector.provider.Backup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Spec §8 {@code api_connection}: the collector is ready when it holds (or can obtain) an access token from the
 * primary securities API, or — with failover enabled — from the backup. Goes through {@link AccessTokens}, which
 * reuses the cached token and requests a new one at most once per minimum interval, so probing never requests
 * tokens in a loop.
 */
@Readiness
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
