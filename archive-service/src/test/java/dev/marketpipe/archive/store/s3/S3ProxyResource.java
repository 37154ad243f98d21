package dev.marketpipe.archive.store.s3;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts {@link InProcessS3} with a fresh bucket for one application start and points the archive's store at it. */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    private InProcessS3 s3;

    @Override
    public Map<String, String> start() {
        s3 = InProcessS3.start();
        return s3.archiveConfig(s3.newBucket());
    }

    @Override
    public void stop() {
        if (s3 != null) {
            try {
                s3.close();
            } catch (Exception e) {
                throw new IllegalStateException("s3proxy did not stop", e);
            }
        }
    }
}
