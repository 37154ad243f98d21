package dev.marketpipe.archive.store.s3;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.UUID;

/**
 * Checks once, before the first envelope, that the bucket's service honours {@code If-None-Match: *} on PUT:
 * the archive's promise never to overwrite an envelope rests on it when replicas share a bucket. AWS S3 does
 * (since August 2024), and so does s3proxy 4.1 (tested here). A service that ignores the header would replace
 * the first object with the second, and one that does not implement it answers 501 — both stop the service
 * here, with a message naming the way out. The probe object lies outside {@code raw/} and is deleted afterwards.
 */
final class ConditionalWriteProbe {

    private final S3Client client;
    private final String bucket;
    private final String key;

    ConditionalWriteProbe(S3Client client, String bucket, String keyPrefix) {
        this.client = client;
        this.bucket = bucket;
        this.key = keyPrefix + "probe/conditional-write-" + UUID.randomUUID();
    }

    void verify() {
        try {
            put("first");
        } catch (S3Exception e) {
            if (e.statusCode() != 412) { // 412: the SDK retried our PUT after a lost answer; the name is fresh
                throw new IllegalStateException("cannot write to S3 bucket " + bucket + ": " + e.getMessage(), e);
            }
        } catch (SdkException e) {
            throw new IllegalStateException("cannot write to S3 bucket " + bucket + ": " + e.getMessage(), e);
        }
        try {
            put("second");
            throw new IllegalStateException("S3 bucket " + bucket + " accepted a second PUT with If-None-Match: *,"
                    + " so it would overwrite envelopes; use a service with conditional writes, or set"
                    + " marketpipe.archive.s3.conditional-writes=false and run a single archive replica");
        } catch (S3Exception e) {
            if (e.statusCode() != 412) {
                throw new IllegalStateException("S3 bucket " + bucket + " does not do conditional writes (HTTP "
                        + e.statusCode() + "); set marketpipe.archive.s3.conditional-writes=false and run a single"
                        + " archive replica", e);
            }
        } finally {
            deleteQuietly();
        }
    }

    private void put(String content) {
        client.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*"), RequestBody.fromString(content));
    }

    private void deleteQuietly() {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            // a leftover probe object outside raw/ harms nothing
        }
    }
}
