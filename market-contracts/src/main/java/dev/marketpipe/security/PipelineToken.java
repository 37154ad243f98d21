package dev.marketpipe.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.HashSet;

/**
 * The bearer token a stage sends when it calls the next one: a JWT (RS256) with the {@link Roles#PIPELINE} role, the
 * service's name as subject, {@code marketpipe.auth.issuer} as issuer (and {@code marketpipe.auth.audiences}, when
 * set, as audience), signed with the private key at {@code marketpipe.auth.signing-key-location}, valid for
 * {@code marketpipe.auth.pipeline-token-lifespan} seconds and reused until four fifths of that have passed.
 *
 * <p>With {@code marketpipe.auth.oidc.enabled=true} the token comes from the OIDC provider instead
 * ({@link OidcPipelineToken}), for stages that verify with the provider's keys.
 *
 * <p>Used from the REST clients' {@code @ClientHeaderParam(name = "Authorization", value =
 * "{dev.marketpipe.security.PipelineToken.authorization}", required = false)}: without a signing key it throws, so
 * the header is left out and the called stage answers 401, which the caller handles as any refusal.
 */
public final class PipelineToken {

    private static final String SIGNING_KEY = "marketpipe.auth.signing-key-location";

    private static Signed current;

    private PipelineToken() {
    }

    /**
     * The value of the {@code Authorization} header: {@code Bearer <jwt>}, from the OIDC provider when
     * {@code marketpipe.auth.oidc.enabled}, else signed here.
     */
    public static String authorization() {
        boolean oidc = ConfigProvider.getConfig().getOptionalValue("marketpipe.auth.oidc.enabled", Boolean.class)
                .orElse(false);
        return "Bearer " + (oidc ? OidcPipelineToken.token(Instant.now()) : token(Instant.now()));
    }

    static synchronized String token(Instant now) {
        Config config = ConfigProvider.getConfig();
        String location = config.getOptionalValue(SIGNING_KEY, String.class).orElseThrow(() ->
                new IllegalStateException("no signing key for pipeline tokens: set " + SIGNING_KEY));
        if (current == null || !current.location().equals(location) || !now.isBefore(current.renewAt())) {
            PrivateKey key = current != null && current.location().equals(location) ? current.key()
                    : PemPrivateKey.read(location);
            long lifespan = config.getValue("marketpipe.auth.pipeline-token-lifespan", Long.class);
            JwtClaimsBuilder claims = Jwt.issuer(config.getValue("marketpipe.auth.issuer", String.class))
                    .subject(config.getOptionalValue("quarkus.application.name", String.class).orElse("marketpipe"))
                    .groups(Roles.PIPELINE).issuedAt(now).expiresAt(now.plusSeconds(lifespan));
            // the stages may demand an audience: then the pipeline's tokens carry the ones they accept
            config.getOptionalValues("marketpipe.auth.audiences", String.class)
                    .ifPresent(audiences -> claims.audience(new HashSet<>(audiences)));
            String jwt = claims.sign(key);
            current = new Signed(location, key, jwt, now.plusSeconds(lifespan * 4 / 5));
        }
        return current.jwt();
    }

    private record Signed(String location, PrivateKey key, String jwt, Instant renewAt) {
    }
}
