package dev.marketpipe.archive.store.s3;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/**
 * Runs a {@code @QuarkusTest} with {@code marketpipe.archive.store=s3} on an in-process s3proxy: a test class that
 * extends a filesystem test and adds {@code @TestProfile(S3Backend.class)} proves the same behaviour on S3.
 */
public class S3Backend implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyResource.class));
    }
}
