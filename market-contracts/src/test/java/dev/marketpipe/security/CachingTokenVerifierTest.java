package dev.marketpipe.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The verifier against real RS256 tokens, counting how often the signature is really checked. */
class CachingTokenVerifierTest {

    private static final Instant NOW = Instant.now();

    private final KeyPair keys = rsaKeys();
    private final JWTAuthContextInfo context = new JWTAuthContextInfo((RSAPublicKey) keys.getPublic(), "marketpipe");
    private final AtomicInteger checked = new AtomicInteger();
    private final JWTCallerPrincipalFactory counting = new JWTCallerPrincipalFactory() {
        private final JWTCallerPrincipalFactory real = new DefaultJWTCallerPrincipalFactory();

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
            checked.incrementAndGet();
            return real.parse(token, info);
        }
    };

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(String subject, long lifespanSeconds) {
        return Jwt.issuer("marketpipe").subject(subject).groups(Roles.PIPELINE).issuedAt(NOW)
                .expiresAt(NOW.plusSeconds(lifespanSeconds)).sign(keys.getPrivate());
    }

    private CachingTokenVerifier verifierAt(Instant now, int capacity) {
        return new CachingTokenVerifier(counting, Clock.fixed(now, ZoneOffset.UTC), capacity);
    }

    @Test
    void aTokenVerifiedOnceIsAnsweredFromMemoryUntilItExpires() throws ParseException {
        String token = token("loader-service", 300);
        CachingTokenVerifier verifier = verifierAt(NOW, 16);

        JWTCallerPrincipal first = verifier.parse(token, context);
        JWTCallerPrincipal again = verifier.parse(token, context);

        assertSame(first, again);
        assertEquals(1, checked.get(), "the signature is checked once");
        assertEquals("loader-service", again.getSubject());
    }

    @Test
    void anExpiredEntryIsVerifiedAgain() throws ParseException {
        String token = token("validator-service", 300);
        Instant[] now = {NOW};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        CachingTokenVerifier verifier = new CachingTokenVerifier(counting, clock, 16);
        verifier.parse(token, context);

        now[0] = NOW.plusSeconds(300);
        // past its exp the entry no longer answers: the token goes to the real check (which still allows its grace)
        verifier.parse(token, context);

        assertEquals(2, checked.get());
    }

    @Test
    void anotherTextIsVerifiedInFullAndABadSignatureIsRefused() throws ParseException {
        String token = token("archive-service", 300);
        CachingTokenVerifier verifier = verifierAt(NOW, 16);
        verifier.parse(token, context);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThrows(ParseException.class, () -> verifier.parse(forged, context));
        assertEquals(2, checked.get());
    }

    @Test
    void sizeZeroVerifiesEveryRequest() throws ParseException {
        String token = token("collector-service", 300);
        CachingTokenVerifier verifier = verifierAt(NOW, 0);

        verifier.parse(token, context);
        verifier.parse(token, context);

        assertEquals(2, checked.get());
    }
}
