package dev.marketpipe.archive.store.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds the synchronous S3 client of an {@link S3Settings} target. The HTTP client is the JDK's
 * {@code HttpURLConnection} ({@code url-connection-client}): no Netty or Apache HttpClient next to Quarkus' own
 * Vert.x, and nothing that needs extra native-image configuration.
 *
 * <p>Bodies are sent whole, signed as one payload, not in {@code aws-chunked} streaming encoding: envelopes are in
 * memory anyway, plain bodies are what every S3-compatible service understands, and with chunked encoding a
 * server that answers once it has the decoded bytes (s3proxy does) closes the connection under the client's
 * last chunk — in tests here one PUT in ten then failed on the client after it had succeeded on the server.
 */
public final class S3Clients {

    private S3Clients() {
    }

    public static S3Client create(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.readTimeout()))
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyleAccess())
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .credentialsProvider(credentials(settings));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The bucket, which a target cannot do without. */
    static String bucketOf(S3Settings settings) {
        return settings.bucket().filter(b -> !b.isBlank()).orElseThrow(() -> new IllegalStateException(
                "an S3 archive target needs a bucket (marketpipe.archive.s3.bucket for the archive store)"));
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKeyId().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        String secret = settings.secretAccessKey().orElseThrow(() -> new IllegalStateException(
                "an S3 access key id is configured without its secret access key"));
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId().get(), secret));
    }
}
