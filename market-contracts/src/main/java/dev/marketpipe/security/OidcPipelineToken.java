package dev.marketpipe.security;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.inject.spi.CDI;

import java.time.Duration;
import java.time.Instant;

/**
 * A pipeline token from the OIDC provider (client-credentials grant of the stage's default {@code quarkus.oidc-client},
 * set through {@code marketpipe.auth.oidc.*}): fetched once and again shortly before it expires. Loaded only by the
 * stages that call another one, and only with {@code marketpipe.auth.oidc.enabled=true}.
 */
final class OidcPipelineToken {

    /** A token is fetched again this long before it expires (or after this long when the provider names no expiry). */
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static Tokens current;
    private static Instant fetchedAt;

    private OidcPipelineToken() {
    }

    static synchronized String token(Instant now) {
        if (current == null || !now.isBefore(renewAt())) {
            OidcClient client = CDI.current().select(OidcClient.class).get();
            current = client.getTokens().await().atMost(TIMEOUT);
            fetchedAt = now;
        }
        return current.getAccessToken();
    }

    private static Instant renewAt() {
        Long expiresAt = current.getAccessTokenExpiresAt();
        return expiresAt == null ? fetchedAt.plus(MARGIN) : Instant.ofEpochSecond(expiresAt).minus(MARGIN);
    }
}
