package dev.marketpipe.console.page;

import dev.marketpipe.testsupport.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Tokens the console must not accept although they look like {@link TestTokens}' ones: expired, of another issuer
 * (both signed with the trusted test key), or with a signature that is not the key's.
 */
final class OtherTokens {

    private OtherTokens() {
    }

    /** Signed with the trusted key, but expired an hour ago (well past any clock skew allowed). */
    static String expired(String subject, String role) {
        long now = Instant.now().getEpochSecond();
        return signed(TestTokens.ISSUER, subject, role, now - 7200, now - 3600);
    }

    /** Signed with the trusted key and valid for an hour, but issued by someone else. */
    static String ofIssuer(String issuer, String subject, String role) {
        long now = Instant.now().getEpochSecond();
        return signed(issuer, subject, role, now, now + 3600);
    }

    /** {@code token} with one bit of its signature flipped: header and claims intact, signature not the key's. */
    static String wronglySigned(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        signature[signature.length / 2] ^= 0x01;
        return token.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String signed(String issuer, String subject, String role, long issuedAt, long expires) {
        String payload = "{\"iss\":\"" + issuer + "\",\"aud\":\"" + TestTokens.AUDIENCE + "\",\"sub\":\"" + subject
                + "\",\"groups\":[\"" + role + "\"],\"iat\":" + issuedAt + ",\"exp\":" + expires + "}";
        String unsigned = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(payload);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(testPrivateKey());
            rs256.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey testPrivateKey() throws GeneralSecurityException {
        try (InputStream in = TestTokens.class.getClassLoader()
                .getResourceAsStream("dev/marketpipe/testsupport/jwt/private-key.pem")) {
            if (in == null) {
                throw new IllegalStateException("test-support's private key is not on the class path");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
