package dev.marketpipe.console.signin;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Optional;

/**
 * Who is signed in: the console keeps a person's bearer token in an HttpOnly, SameSite=Strict cookie and verifies it
 * on every request with the stages' key, issuer and audience (MARKETPIPE_AUTH_*), so an expired or forged token is
 * simply "not signed in". The console holds no credentials of its own.
 */
@ApplicationScoped
public class SignIns {

    public static final String COOKIE = "marketpipe_console_token";

    private final JWTParser parser;

    public SignIns(JWTParser parser) {
        this.parser = parser;
    }

    /** The person whose valid token {@code token} is; empty for none, or one that does not verify. */
    public Optional<Person> person(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonWebToken jwt = parser.parse(token.strip());
            return Optional.of(new Person(jwt.getName(), jwt.getGroups(), jwt.getRawToken()));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** The cookie that signs {@code token}'s holder in until the token expires. */
    public NewCookie cookie(String token, boolean secure) {
        long expires;
        try {
            expires = parser.parse(token.strip()).getExpirationTime();
        } catch (ParseException e) {
            throw new IllegalArgumentException("the token does not verify", e);
        }
        int maxAge = (int) Math.max(0, expires - Instant.now().getEpochSecond());
        return new NewCookie.Builder(COOKIE).value(token.strip()).path("/").maxAge(maxAge).httpOnly(true)
                .secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** The cookie that signs out. */
    public NewCookie signedOut(boolean secure) {
        return new NewCookie.Builder(COOKIE).value("").path("/").maxAge(0).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
