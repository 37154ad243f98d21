package dev.marketpipe.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifies bearer tokens as smallrye-jwt does and remembers each verified token, by its exact text, until it expires.
 * A stage calls the next with the same pipeline token for minutes ({@link PipelineToken}), and checking its RSA
 * signature on every request was the largest single cost of a loader request on a small machine (docs/BENCHMARKS.md).
 * Only a token already verified is answered from memory, and only while its {@code exp} lies ahead; any other text
 * (another signature, a changed claim) is verified in full. {@code marketpipe.auth.verified-token-cache-size} bounds
 * the tokens kept (least recently used leave first); {@code 0} verifies every request.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class CachingTokenVerifier extends JWTCallerPrincipalFactory {

    private final JWTCallerPrincipalFactory verifier;
    private final Clock clock;
    private final int capacity;
    private final Map<String, JWTCallerPrincipal> verified;

    @Inject
    CachingTokenVerifier(
            @ConfigProperty(name = "marketpipe.auth.verified-token-cache-size", defaultValue = "256") int capacity) {
        this(new DefaultJWTCallerPrincipalFactory(), Clock.systemUTC(), capacity);
    }

    CachingTokenVerifier(JWTCallerPrincipalFactory verifier, Clock clock, int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.capacity = capacity;
        this.verified = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, JWTCallerPrincipal> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        if (capacity > 0) {
            JWTCallerPrincipal known;
            synchronized (verified) {
                known = verified.get(token);
            }
            if (known != null && clock.instant().getEpochSecond() < known.getExpirationTime()) {
                return known;
            }
        }
        JWTCallerPrincipal principal = verifier.parse(token, authContextInfo);
        if (capacity > 0) {
            synchronized (verified) {
                verified.put(token, principal);
            }
        }
        return principal;
    }
}
