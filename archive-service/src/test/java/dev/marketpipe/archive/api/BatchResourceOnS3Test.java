package dev.marketpipe.archive.api;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.store.s3.S3ArchiveStore;
import dev.marketpipe.archive.store.s3.S3Backend;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every intake test of {@link BatchResourceTest}, with the envelopes in an S3 bucket (s3proxy in-process). */
@QuarkusTest
@TestProfile(S3Backend.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class BatchResourceOnS3Test extends BatchResourceTest {

    @Inject
    ArchiveRoot root;

    @Test
    void envelopesGoToTheBucketAndNotToTheLocalDisk() throws IOException {
        assertInstanceOf(S3ArchiveStore.class, store.get());

        String ref = given().contentType(ContentType.JSON)
                .body(TestBatches.body(UUID.randomUUID(), "ONS3", "2025-03-11T00:00:00Z"))
                .post("/v1/batches").then().statusCode(201).extract().path("archiveRef");

        assertTrue(Files.notExists(root.path().resolve(ref)), "no local file");
        assertEquals(1, store.get().list(ref).size(), "one object in the bucket");
    }
}
