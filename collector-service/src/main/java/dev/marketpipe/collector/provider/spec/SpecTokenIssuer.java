package dev.marketpipe.collector.provider.spec;

import dev.marketpipe.collector.budget.RateBudget;
import dev.marketpipe.collector.budget.WorkPriority;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.provider.AccessTokens;
import dev.marketpipe.collector.provider.ProviderException;
import dev.marketpipe.collector.provider.TokenRequest;

import java.time.Instant;

/** {@code POST /oauth/token} with the client credentials: one request, which takes a rate-budget token first. */
final class SpecTokenIssuer implements AccessTokens.Issuer {

    private final SpecRestClient api;
    private final RateBudget budget;
    private final String appKey;
    private final String appSecret;
    private final MarketClock clock;

    SpecTokenIssuer(SpecRestClient api, RateBudget budget, String appKey, String appSecret, MarketClock clock) {
        this.api = api;
        this.budget = budget;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.clock = clock;
    }

    @Override
    public AccessTokens.Issued issue(String refused) {
        budget.acquire(WorkPriority.current());
        Instant requestedAt = clock.now();
        SpecTokenResponse response = api.issueToken(new TokenRequest("client_credentials", appKey, appSecret));
        if (response == null || response.accessToken() == null || response.accessToken().isBlank()) {
            throw new ProviderException.AuthenticationFailed(200, "the token endpoint answered without a token");
        }
        return new AccessTokens.Issued(response.accessToken(), requestedAt.plusSeconds(response.expiresIn()), true);
    }
}
