package dev.marketpipe.collector.health;

import dev.marketpipe.collector.provider.AccessTokens;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Spec §8 {@code api_connection}: the collector is ready when it holds (or can obtain) an access token from the
 * securities API. Uses the cached token, so probing does not request tokens in a loop.
 */
@Readiness
@ApplicationScoped
public class SecuritiesApiHealthCheck implements HealthCheck {

    private final AccessTokens tokens;

    SecuritiesApiHealthCheck(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            tokens.authorization();
            return HealthCheckResponse.up("api_connection");
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("api_connection").down()
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
