package dev.marketpipe.archive.store.s3;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An S3 service inside the test JVM: s3proxy with its in-memory (transient) blob store on a free loopback port,
 * signing checked as AWS does. No container, no network beyond 127.0.0.1.
 */
public final class InProcessS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final URI endpoint;

    private InProcessS3(S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public static InProcessS3 start() {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start(); // returns once Jetty listens
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
        return new InProcessS3(proxy);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client of this service, built as the archive builds its own. */
    public S3Client client() {
        return S3Clients.create(settings("unused", "", true));
    }

    /** Settings of a target on this service, as a config mapping would give them. */
    public S3Settings settings(String bucket, String keyPrefix, boolean conditionalWrites) {
        return settings(endpoint, bucket, keyPrefix, conditionalWrites);
    }

    /** Settings of a target on any S3 endpoint that takes this class' credentials (or none). */
    public static S3Settings settings(URI endpoint, String bucket, String keyPrefix, boolean conditionalWrites) {
        return new Target(Optional.of(bucket), Optional.of(keyPrefix).filter(p -> !p.isEmpty()), Optional.of(endpoint),
                REGION, true, Optional.of(ACCESS_KEY), Optional.of(SECRET_KEY), conditionalWrites,
                Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /** Settings of an S3 target nobody configured: no bucket, no endpoint. */
    public static S3Settings unconfigured() {
        return new Target(Optional.empty(), Optional.empty(), Optional.empty(), REGION, false, Optional.empty(),
                Optional.empty(), true, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /** Creates a bucket with a fresh name and returns the name. */
    public String newBucket() {
        String bucket = "archive-" + UUID.randomUUID();
        try (S3Client client = client()) {
            client.createBucket(b -> b.bucket(bucket));
        }
        return bucket;
    }

    /** The archive's settings for {@code bucket} on this service ({@code marketpipe.archive.s3.*}). */
    public Map<String, String> archiveConfig(String bucket) {
        return Map.of(
                "marketpipe.archive.store", "s3",
                "marketpipe.archive.s3.bucket", bucket,
                "marketpipe.archive.s3.endpoint", endpoint.toString(),
                "marketpipe.archive.s3.region", REGION,
                "marketpipe.archive.s3.path-style-access", "true",
                "marketpipe.archive.s3.access-key-id", ACCESS_KEY,
                "marketpipe.archive.s3.secret-access-key", SECRET_KEY);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }

    private record Target(Optional<String> bucket, Optional<String> keyPrefix, Optional<URI> endpoint, String region,
                          boolean pathStyleAccess, Optional<String> accessKeyId, Optional<String> secretAccessKey,
                          boolean conditionalWrites, Duration connectTimeout, Duration readTimeout)
            implements S3Settings {
    }
}
