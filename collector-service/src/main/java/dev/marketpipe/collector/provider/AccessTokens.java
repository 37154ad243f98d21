package dev.marketpipe.collector.provider;

import dev.marketpipe.collector.config.CollectorConfig;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.wire.SourceRole;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * The provider's access token: requested once, reused until shortly before it expires, and replaced only when the
 * provider rejected it. Never requested in a loop: at most one token request per
 * {@code marketpipe.collector.token.min-request-interval} (KIS allows one per minute), failed requests included;
 * while a renewal is not allowed yet, callers get an authentication error at once instead of a new request. The
 * readiness check goes through here, so probing cannot ask for tokens more often either.
 */
@ApplicationScoped
public class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class);

    private final SecuritiesApi api;
    private final SourceRole role;
    private final String provider;
    private final String appKey;
    private final String appSecret;
    private final Duration refreshMargin;
    private final Duration minRequestInterval;
    private final MarketClock clock;
    private final MeterRegistry registry;
    private Token current;
    private Instant lastRequestAt;

    @Inject
    AccessTokens(@RestClient SecuritiesApi api, CollectorConfig config, TokenConfig tokenConfig, MarketClock clock,
            MeterRegistry registry) {
        this(api, SourceRole.PRIMARY, config.api().provider(), config.api().appKey(), config.api().appSecret(),
                config.api().tokenRefreshMargin(), tokenConfig.minRequestInterval(), clock, registry);
    }

    AccessTokens(SecuritiesApi api, SourceRole role, String provider, String appKey, String appSecret,
            Duration refreshMargin, Duration minRequestInterval, MarketClock clock, MeterRegistry registry) {
        this.api = api;
        this.role = role;
        this.provider = provider;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.refreshMargin = refreshMargin;
        this.minRequestInterval = minRequestInterval;
        this.clock = clock;
        this.registry = registry;
    }

    /** The {@code Authorization} header value to use now. */
    public synchronized String authorization() {
        Instant now = clock.now();
        if (current != null && now.isBefore(current.expiresAt().minus(refreshMargin))) {
            return "Bearer " + current.value();
        }
        if (!renewalAllowed(now)) {
            if (current != null && now.isBefore(current.expiresAt())) {
                return "Bearer " + current.value(); // still valid: renew once the interval has passed
            }
            count("throttled");
            throw new ProviderException.AuthenticationFailed(0, "no valid access token for " + provider
                    + ", and a new one may be requested only once every " + minRequestInterval.toSeconds()
                    + " s (next at " + lastRequestAt.plus(minRequestInterval) + ")");
        }
        lastRequestAt = now;
        try {
            current = request(now);
            count("issued");
        } catch (RuntimeException e) {
            count("failed");
            throw e;
        }
        return "Bearer " + current.value();
    }

    /** Forget the token that was just refused, unless another thread already replaced it. */
    public synchronized void invalidate(String refusedAuthorization) {
        if (current != null && refusedAuthorization.equals("Bearer " + current.value())) {
            current = null;
        }
    }

    private boolean renewalAllowed(Instant now) {
        // a clock set back (tests, NTP) must not lock the collector out for the length of the jump
        return lastRequestAt == null || now.isBefore(lastRequestAt)
                || !now.isBefore(lastRequestAt.plus(minRequestInterval));
    }

    private Token request(Instant now) {
        TokenResponse response = api.issueToken(new TokenRequest("client_credentials", appKey, appSecret));
        if (response == null || response.accessToken() == null || response.accessToken().isBlank()) {
            throw new ProviderException.AuthenticationFailed(200, "the token endpoint answered without a token");
        }
        LOG.infof("obtained an access token from %s (%s), valid for %d s", provider, role.code(), response.expiresIn());
        return new Token(response.accessToken(), now.plusSeconds(response.expiresIn()));
    }

    private void count(String outcome) {
        registry.counter("marketpipe.collector.api.tokens", "source", role.code(), "outcome", outcome).increment();
    }

    private record Token(String value, Instant expiresAt) {
    }
}
