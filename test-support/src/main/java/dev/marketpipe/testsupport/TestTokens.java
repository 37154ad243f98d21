package dev.marketpipe.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Bearer tokens for tests, signed with test-support's test key pair, which the services trust in the test profile
 * ({@code META-INF/microprofile-config.properties} of this module) and in the system tests ({@link #writeKeyPair}).
 */
public final class TestTokens {

    /** The issuer the services expect by default ({@code marketpipe.auth.issuer}). */
    public static final String ISSUER = "marketpipe";
    /** The audience the tokens carry; the system tests' stages demand it ({@code marketpipe.auth.audiences}). */
    public static final String AUDIENCE = "marketpipe";
    /** Every role a service knows. */
    public static final String[] ALL_ROLES = {"reader", "operator", "reviewer", "pipeline"};
    private static final String KEYS = "dev/marketpipe/testsupport/jwt/";
    private static final PrivateKey PRIVATE_KEY = readPrivateKey();

    private TestTokens() {
    }

    /** A token (RS256) for {@code subject} holding {@code roles}, valid for an hour. */
    public static String token(String subject, String... roles) {
        long now = Instant.now().getEpochSecond();
        String payload = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject
                + "\",\"groups\":["
                + Arrays.stream(roles).map(role -> "\"" + role + "\"").collect(Collectors.joining(","))
                + "],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
        String signed = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(payload);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(PRIVATE_KEY);
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A token holding {@code roles}, subject {@code tester}. */
    public static String withRoles(String... roles) {
        return token("tester", roles);
    }

    /** {@code Bearer <token>} with every role. */
    public static String allRolesAuthorization() {
        return "Bearer " + withRoles(ALL_ROLES);
    }

    /** Writes {@code public-key.pem} and {@code private-key.pem} into {@code dir}, for services started as processes. */
    public static void writeKeyPair(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("public-key.pem"), resource("public-key.pem"));
            Files.writeString(dir.resolve("private-key.pem"), resource("private-key.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The payload (JSON) of the bearer token in an {@code Authorization} header, after checking that the header is a
     * bearer token signed with the test key: what a stage sent when it called the next one.
     */
    public static String verifiedPayload(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new AssertionError("no bearer token: " + authorization);
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(readPublicKey());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new AssertionError("token not signed with the test key");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    private static PublicKey readPublicKey() throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody("public-key.pem")));
    }

    private static byte[] pemBody(String name) {
        return Base64.getDecoder().decode(resource(name).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static PrivateKey readPrivateKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody("private-key.pem")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("test private key unreadable", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(KEYS + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + KEYS + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
