package dev.marketpipe.archive.api;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.calendar.MarketCalendar;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** {@code GET /v1/integrity} over HTTP. */
@QuarkusTest
@WithTestResource(ValidatorMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class IntegrityResourceTest {

    /** A recent day: a missing file of a day older than the retention age would be reported expired instead. */
    private static final LocalDate DAY = LocalDate.now(MarketCalendar.KRX_ZONE).minusDays(3);

    @Inject
    ArchiveRoot root;

    @Test
    void corruptedAndDeletedFilesOfTheDayAreReported() throws IOException {
        String good = archive("INTOK");
        String flipped = archive("INTFLIP");
        String deleted = archive("INTDEL");
        Path file = root.path().resolve(flipped);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(file, bytes);
        Files.delete(root.path().resolve(deleted));

        given().queryParam("date", DAY.toString()).get("/v1/integrity").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("date", equalTo(DAY.toString()))
                .body("counts.indexed", equalTo(3))
                .body("ok", contains(good))
                .body("corrupt.archiveRef", contains(flipped))
                .body("corrupt[0].problem", containsString("differs"))
                .body("missing.archiveRef", contains(deleted))
                .body("counts.orphans", equalTo(0));
    }

    @Test
    void missingDateIs400ProblemJson() {
        given().get("/v1/integrity").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("date is required"));
    }

    @Test
    void malformedDateIs400ProblemJson() {
        given().queryParam("date", "01.07.2024").get("/v1/integrity").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("YYYY-MM-DD"));
    }

    private static String archive(String symbol) {
        return given().contentType(ContentType.JSON)
                .body(TestBatches.body(UUID.randomUUID(), symbol, DAY + "T00:00:00Z"))
                .post("/v1/batches").then().statusCode(201).extract().path("archiveRef");
    }
}
