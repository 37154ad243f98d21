package dev.marketpipe.archive.api;

import dev.marketpipe.archive.store.s3.S3Backend;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every forwarding test of {@link ForwardingTest}, with the envelopes in an S3 bucket (s3proxy in-process). */
@QuarkusTest
@TestProfile(S3Backend.class)
class ForwardingOnS3Test extends ForwardingTest {
}
