package dev.marketpipe.simulator.kis;

import dev.marketpipe.simulator.auth.TokenStore;
import dev.marketpipe.simulator.config.SimulatorConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * KIS's token rules: a token lives 24 hours; asked again within 6 hours of an issuance, the same token comes back;
 * at most one token request a minute ({@code EGW00133} otherwise). Tokens live in memory: a restart of the simulator
 * is a provider that forgot its tokens ({@code EGW00121} for the old ones).
 */
@ApplicationScoped
public class KisTokens {

    static final Duration LIFETIME = Duration.ofHours(24);
    static final Duration SAME_TOKEN_WITHIN = Duration.ofHours(6);
    static final Duration ONE_REQUEST_PER = Duration.ofMinutes(1);
    private static final int TOKEN_BYTES = 32;

    private final TokenStore credentials;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Counter issuedCounter;
    private Issued current;
    private Instant lastRequest;

    public KisTokens(TokenStore credentials, SimulatorConfig config, Clock clock, MeterRegistry registry) {
        this.credentials = credentials;
        this.clock = clock;
        this.issuedCounter = Counter.builder("marketpipe.simulator.kis.tokens.issued")
                .description("KIS access tokens issued by POST /oauth2/tokenP").register(registry);
    }

    /** An issued token and when it expires. */
    record Issued(String token, Instant issuedAt, Instant expiresAt) {
    }

    /** The token for a request; empty when the once-a-minute rule refuses it. */
    synchronized Optional<Issued> request() {
        Instant now = clock.instant();
        if (lastRequest != null && now.isBefore(lastRequest.plus(ONE_REQUEST_PER))) {
            return Optional.empty();
        }
        lastRequest = now;
        if (current != null && now.isBefore(current.issuedAt().plus(SAME_TOKEN_WITHIN))) {
            return Optional.of(current);
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        current = new Issued(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), now, now.plus(LIFETIME));
        expiries.put(current.token(), current.expiresAt());
        issuedCounter.increment();
        return Optional.of(current);
    }

    boolean accepts(String appKey, String appSecret) {
        return appKey != null && appSecret != null && credentials.accepts(appKey, appSecret);
    }

    /** Whether {@code token} was issued here; {@link #expired} tells whether it is still valid. */
    boolean known(String token) {
        return token != null && expiries.containsKey(token);
    }

    boolean expired(String token) {
        Instant expiry = expiries.get(token);
        return expiry == null || !expiry.isAfter(clock.instant());
    }

    /** Every token expires at once (an injected 401 fault). */
    public void expireAll() {
        Instant now = clock.instant();
        expiries.replaceAll((token, expiry) -> now);
        current = null;
    }
}
