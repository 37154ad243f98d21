package dev.marketpipe.collector.provider;

import dev.marketpipe.collector.config.CollectorConfig;
import dev.marketpipe.collector.config.MarketClock;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * The provider's access token: requested once, reused until shortly before it expires (providers such as KIS allow
 * one token request per minute), and replaced only when the provider rejected it.
 */
@ApplicationScoped
public class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class);

    private final SecuritiesApi api;
    private final CollectorConfig config;
    private final MarketClock clock;
    private Token current;

    AccessTokens(@RestClient SecuritiesApi api, CollectorConfig config, MarketClock clock) {
        this.api = api;
        this.config = config;
        this.clock = clock;
    }

    /** The {@code Authorization} header value to use now. */
    public synchronized String authorization() {
        Instant now = clock.now();
        if (current == null || !now.isBefore(current.expiresAt().minus(config.api().tokenRefreshMargin()))) {
            current = request(now);
        }
        return "Bearer " + current.value();
    }

    /** Forget the token that was just refused, unless another thread already replaced it. */
    public synchronized void invalidate(String refusedAuthorization) {
        if (current != null && refusedAuthorization.equals("Bearer " + current.value())) {
            current = null;
        }
    }

    private Token request(Instant now) {
        TokenResponse response = api.issueToken(
                new TokenRequest("client_credentials", config.api().appKey(), config.api().appSecret()));
        if (response == null || response.accessToken() == null || response.accessToken().isBlank()) {
            throw new ProviderException.AuthenticationFailed(200, "the token endpoint answered without a token");
        }
        LOG.infof("obtained an access token from %s, valid for %d s", config.api().provider(), response.expiresIn());
        return new Token(response.accessToken(), now.plusSeconds(response.expiresIn()));
    }

    private record Token(String value, Instant expiresAt) {
    }
}
