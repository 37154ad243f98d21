package dev.marketpipe.collector.provider.kis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.collector.budget.RateBudget;
import dev.marketpipe.collector.budget.WorkPriority;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.provider.AccessTokens;
import dev.marketpipe.collector.provider.ProviderException;
import dev.marketpipe.collector.provider.TokenRequest;
import dev.marketpipe.provider.kis.KisTimes;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A KIS token, shared: a valid token in the {@link KisTokenStore} (another replica's, or this one's before a restart)
 * is used without asking KIS; otherwise one {@code POST /oauth2/tokenP} under the store's lock, at most one a
 * {@code min-request-interval} across all replicas, failed requests included (KIS answers {@code EGW00133} to a
 * second request within a minute, and notifies the account holder of every issuance).
 */
final class KisTokenIssuer implements AccessTokens.Issuer {

    /** {@code access_token_token_expired}: KST, {@code YYYY-MM-DD HH:MM:SS}. */
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final KisRestClient api;
    private final KisTokenStore store;
    private final RateBudget budget;
    private final String appKey;
    private final String appSecret;
    private final Duration refreshMargin;
    private final Duration minRequestInterval;
    private final MarketClock clock;

    KisTokenIssuer(KisRestClient api, KisTokenStore store, RateBudget budget, String appKey, String appSecret,
            Duration refreshMargin, Duration minRequestInterval, MarketClock clock) {
        this.api = api;
        this.store = store;
        this.budget = budget;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.refreshMargin = refreshMargin;
        this.minRequestInterval = minRequestInterval;
        this.clock = clock;
    }

    @Override
    public AccessTokens.Issued issue(String refused) {
        Attempt attempt = store.locked((stored, writer) -> {
            Instant now = clock.now();
            if (stored.token().isPresent() && !stored.token().get().equals(refused) && stored.expiresAt() != null
                    && now.isBefore(stored.expiresAt().minus(refreshMargin))) {
                return new Attempt(new AccessTokens.Issued(stored.token().get(), stored.expiresAt(), false), null);
            }
            if (stored.requestedAt() != null && now.isBefore(stored.requestedAt().plus(minRequestInterval))
                    && !now.isBefore(stored.requestedAt().minus(minRequestInterval))) {
                throw new ProviderException.TokenThrottled("KIS issues one token a minute and one was "
                        + "requested at " + stored.requestedAt() + "; next request at "
                        + stored.requestedAt().plus(minRequestInterval), stored.requestedAt().plus(minRequestInterval));
            }
            // a failed request counts against the once-a-minute rule too: requested_at is committed either way
            writer.requested(now);
            try {
                AccessTokens.Issued issued = request(now);
                writer.issued(issued.value(), issued.expiresAt());
                return new Attempt(issued, null);
            } catch (ProviderException | jakarta.ws.rs.ProcessingException failed) {
                return new Attempt(null, failed);
            }
        });
        if (attempt.failure() != null) {
            throw attempt.failure();
        }
        return attempt.issued();
    }

    /** What one decision gave: a token, or the failure of the request it sent (raised after the commit). */
    private record Attempt(AccessTokens.Issued issued, RuntimeException failure) {
    }

    private AccessTokens.Issued request(Instant now) {
        budget.acquire(WorkPriority.current());
        try (Response response = api.issueToken(new TokenRequest("client_credentials", appKey, appSecret))) {
            JsonNode body = KisErrors.json(response.readEntity(String.class));
            String token = body == null ? null : body.path("access_token").asText(null);
            if (token == null || token.isBlank()) {
                throw new ProviderException.AuthenticationFailed(response.getStatus(),
                        "the KIS token endpoint answered without a token");
            }
            return new AccessTokens.Issued(token, expiry(body, now), true);
        }
    }

    private static Instant expiry(JsonNode body, Instant now) {
        String at = body.path("access_token_token_expired").asText("");
        try {
            return LocalDateTime.parse(at.trim(), EXPIRY).atZone(KisTimes.KST).toInstant();
        } catch (DateTimeParseException e) {
            return now.plusSeconds(body.path("expires_in").asLong(Duration.ofHours(24).toSeconds()));
        }
    }
}
