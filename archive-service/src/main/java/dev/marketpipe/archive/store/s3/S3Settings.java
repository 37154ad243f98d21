package dev.marketpipe.archive.store.s3;

import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where an S3-compatible bucket is and how to reach it. A config group with its
 * own defaults, so the archive store ({@code marketpipe.archive.s3.*}) and any other S3 target (a backup bucket,
 * as a group of its own mapping) are configured the same way.
 */
public interface S3Settings {

    /** The bucket; required when this target is used. */
    Optional<String> bucket();

    /** Prepended to every ref ({@code archive/} stores {@code raw/…} as {@code archive/raw/…}); none by default. */
    Optional<String> keyPrefix();

    /** Endpoint of an S3-compatible service (MinIO, Ceph, s3proxy); AWS's regional endpoint when absent. */
    Optional<URI> endpoint();

    /** Region the client signs for; on AWS the bucket's region. */
    @WithDefault("us-east-1")
    String region();

    /** {@code http://host/bucket/key} instead of {@code http://bucket.host/key}; most S3-compatible services need it. */
    @WithDefault("false")
    boolean pathStyleAccess();

    /** Static credentials; when absent, the SDK's default provider chain (env, system properties, profile, …). */
    Optional<String> accessKeyId();

    /** Secret of {@link #accessKeyId()}. */
    Optional<String> secretAccessKey();

    /**
     * Publish with {@code If-None-Match: *} (the safe default, required when several archive replicas share the
     * bucket). {@code false} only for a service that cannot do conditional writes: then a name is checked with
     * HEAD before the PUT, which is safe with a single writer only.
     */
    @WithDefault("true")
    boolean conditionalWrites();

    /** How long to wait for a connection to the service. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long to wait for the service to answer a request (a PUT of one envelope, a page of a listing). */
    @WithDefault("30s")
    Duration readTimeout();
}
