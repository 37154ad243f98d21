package dev.marketpipe.testsupport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;

/**
 * HTTPS for stages started as processes (docs/SECURITY.md "TLS"): test-support's self-signed certificate for
 * {@code localhost} and {@code 127.0.0.1} (its own CA), the environment that puts a stage's API on HTTPS and makes its
 * clients trust that CA, and an {@link SSLContext} for the tests' own HTTP client.
 */
public final class TestTls {

    private static final String DIR = "dev/marketpipe/testsupport/tls/";

    private TestTls() {
    }

    /** Writes {@code tls.crt}, {@code tls.key} and {@code ca.crt} (the same self-signed certificate) into {@code dir}. */
    public static void writeFiles(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("tls.crt"), resource("tls.crt"));
            Files.write(dir.resolve("tls.key"), resource("tls.key"));
            Files.write(dir.resolve("ca.crt"), resource("tls.crt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment of a stage whose API speaks HTTPS only and whose clients trust the CA in {@code dir}. */
    public static Map<String, String> stageEnv(Path dir) {
        return Map.of(
                "QUARKUS_PROFILE", "prod,tls",
                "MARKETPIPE_TLS_CERT", dir.resolve("tls.crt").toString(),
                "MARKETPIPE_TLS_KEY", dir.resolve("tls.key").toString(),
                "MARKETPIPE_TLS_CA", dir.resolve("ca.crt").toString());
    }

    /** Trusts test-support's certificate (and nothing else). */
    public static SSLContext sslContext() {
        try (InputStream pem = TestTls.class.getClassLoader().getResourceAsStream(DIR + "tls.crt")) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("stages", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("test certificate unusable", e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TestTls.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + DIR + name);
            }
            return in.readAllBytes();
        }
    }
}
