package dev.marketpipe.archive.api;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.testsupport.Management;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Disk full: with less free space than the threshold, batches are refused and nothing is written. */
@QuarkusTest
@TestProfile(DiskFullTest.TinyDisk.class)
@WithTestResource(ValidatorMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class DiskFullTest {

    /** Asks for a petabyte of free space, which no test machine has. */
    public static class TinyDisk implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.archive.min-free-space-mb", "1000000000");
        }
    }

    @Inject
    ArchiveRoot root;

    @Test
    void batchIsRefusedWith507AndNothingIsWritten() throws IOException {
        given().contentType(ContentType.JSON)
                .body(TestBatches.body(UUID.randomUUID(), "005930", "2025-03-04T00:00:00Z"))
                .post("/v1/batches")
                .then().statusCode(507)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("status", equalTo(507))
                .body("title", equalTo("Insufficient Storage"))
                .body("detail", containsString("MiB free"));

        assertEquals(0, filesBelow(root.raw()));
        assertEquals(0, jsonFilesBelow(root.index()));
        assertEquals(0, jsonFilesBelow(root.outbox()));
    }

    @Test
    void readinessIsDownWhileLivenessStaysUp() {
        given().get(Management.url("/q/health/ready")).then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'disk_space' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'disk_space' }.data.writable", equalTo(true))
                .body("checks.find { it.name == 'disk_space' }.data.minFreeMb", equalTo(1000000000))
                .body("checks.find { it.name == 'outbox-backlog' }.status", equalTo("UP"));
        given().get(Management.url("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Index markers or outbox entries (the folders also hold the migration's flag file, the outbox's locks). */
    private static long jsonFilesBelow(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json")).count();
        }
    }

    private static long filesBelow(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
