package dev.marketpipe.simulator.auth;

import dev.marketpipe.simulator.config.SimulatorConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues and checks access tokens (OAuth 2.0 client credentials). Tokens are random, live in
 * memory with their expiry, and are gone after a restart — like a provider that revokes tokens, which clients
 * must survive by re-authenticating (401).
 */
@ApplicationScoped
public class TokenStore {

    private static final int TOKEN_BYTES = 32;

    private final SimulatorConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();
    private final Counter issuedCounter;

    public TokenStore(SimulatorConfig config, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.clock = clock;
        this.issuedCounter = Counter.builder("marketpipe.simulator.tokens.issued")
                .description("access tokens issued by POST /oauth/token")
                .register(registry);
    }

    /** True when the presented credentials are the configured ones (constant-time comparison). */
    public boolean accepts(String appKey, String appSecret) {
        return constantTimeEquals(appKey, config.appKey()) & constantTimeEquals(appSecret, config.appSecret());
    }

    /** A fresh token valid for the configured TTL. */
    public TokenResponse issue() {
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !expiry.isAfter(now));
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(token, now.plus(config.tokenTtl()));
        issued.incrementAndGet();
        issuedCounter.increment();
        return new TokenResponse(token, "Bearer", config.tokenTtl().toSeconds());
    }

    /** True while {@code token} was issued here and has not expired or been revoked. */
    public boolean isValid(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        return expiry != null && expiry.isAfter(clock.instant());
    }

    /** Revokes every token (an injected 401 fault: the provider forgot its sessions). */
    public void revokeAll() {
        expiries.clear();
    }

    public long issuedCount() {
        return issued.get();
    }

    /** Resets the issued count (not the tokens) for {@code DELETE /simulator/stats}. */
    public void resetCount() {
        issued.set(0);
    }

    private static boolean constantTimeEquals(String presented, String expected) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
