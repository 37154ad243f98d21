package dev.marketpipe.archive.health;

import dev.marketpipe.archive.store.s3.InProcessS3;
import dev.marketpipe.archive.store.s3.S3ArchiveStore;
import dev.marketpipe.archive.store.s3.S3Clients;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An S3 store that cannot be reached makes the archive not ready; a reachable one keeps it ready. */
class ArchiveStoreReadinessTest {

    @Test
    void upWhileTheBucketAnswersDownWhenItIsGoneOrTheServiceUnreachable() throws Exception {
        try (InProcessS3 s3 = InProcessS3.start()) {
            String bucket = s3.newBucket();
            try (S3ArchiveStore store = new S3ArchiveStore(S3Clients.create(s3.settings(bucket, "", true)), bucket, "");
                    S3ArchiveStore missing = new S3ArchiveStore(S3Clients.create(s3.settings("no-such-bucket", "", true)),
                            "no-such-bucket", "")) {
                assertEquals(HealthCheckResponse.Status.UP, new ArchiveStoreReadiness(store, "s3").call().getStatus());
                assertEquals(HealthCheckResponse.Status.DOWN,
                        new ArchiveStoreReadiness(missing, "s3").call().getStatus());
            }
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String bucket = "archive";
        try (S3ArchiveStore unreachable = new S3ArchiveStore(S3Clients.create(InProcessS3.settings(
                URI.create("http://127.0.0.1:" + closedPort), bucket, "", true)), bucket, "")) {
            HealthCheckResponse response = new ArchiveStoreReadiness(unreachable, "s3").call();
            assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
            assertEquals("s3", response.getData().orElseThrow().get("store"));
        }
    }
}
