package dev.marketpipe.archive.api;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.envelope.Sha256;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(ValidatorMock.class)
class BatchResourceTest {

    @Inject
    ArchiveRoot root;

    @Test
    void envelopeIsWrittenUnderTheKstDateAndTimeOfTheWindowStart() throws IOException {
        UUID id = UUID.randomUUID();

        Response response = post(TestBatches.body(id, "005930", "2025-03-04T00:00:00Z"));

        response.then().statusCode(201)
                .header("Location", endsWith("/v1/batches/" + id))
                .body("batchId", equalTo(id.toString()))
                .body("archiveRef", equalTo("raw/2025/03/04/market_data_005930_20250304_090000.json"))
                .body("duplicate", is(false));
        Path file = root.path().resolve("raw/2025/03/04/market_data_005930_20250304_090000.json");
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(Sha256.hex(bytes), response.path("sha256"));
        assertEquals(bytes.length, ((Number) response.path("bytes")).longValue());
    }

    @Test
    void windowStartLateInTheUtcDayGoesToTheNextKstDaysFolder() {
        post(TestBatches.body(UUID.randomUUID(), "KDAY", "2025-03-04T15:30:00Z")).then().statusCode(201)
                .body("archiveRef", equalTo("raw/2025/03/05/market_data_KDAY_20250305_003000.json"));
    }

    @Test
    void rawResponseIsArchivedByteForByteWithItsChecksum() throws IOException {
        UUID id = UUID.randomUUID();
        String ref = post(TestBatches.body(id, "RAW1", "2025-03-05T00:00:00Z")).then().statusCode(201)
                .extract().path("archiveRef");

        String envelope = Files.readString(root.path().resolve(ref), StandardCharsets.UTF_8);

        assertTrue(envelope.endsWith(",\"raw_response\":" + TestBatches.RAW + "}"), envelope);
        String expectedSha = Sha256.hex(TestBatches.RAW.getBytes(StandardCharsets.UTF_8));
        assertTrue(envelope.contains("\"raw_sha256\":\"" + expectedSha + "\""), envelope);
        assertTrue(envelope.contains("\"batch_id\":\"" + id + "\""), envelope);
    }

    @Test
    void sameFileNameTwiceGivesASecondFileAndBothStayIntact() throws IOException {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String firstRef = post(TestBatches.body(first, "TWICE", "2025-03-06T00:00:00Z")).then().statusCode(201)
                .extract().path("archiveRef");
        String secondRef = post(TestBatches.body(second, "TWICE", "2025-03-06T00:00:00Z")).then().statusCode(201)
                .extract().path("archiveRef");

        assertEquals("raw/2025/03/06/market_data_TWICE_20250306_090000.json", firstRef);
        assertEquals("raw/2025/03/06/market_data_TWICE_20250306_090000_2.json", secondRef);
        assertTrue(Files.readString(root.path().resolve(firstRef)).contains(first.toString()));
        assertTrue(Files.readString(root.path().resolve(secondRef)).contains(second.toString()));
    }

    @Test
    void sameBatchIdTwiceIsADuplicateAndWritesNothingTwice() throws IOException {
        UUID id = UUID.randomUUID();
        String body = TestBatches.body(id, "DUP", "2025-03-07T00:00:00Z");
        String ref = post(body).then().statusCode(201).extract().path("archiveRef");
        byte[] before = Files.readAllBytes(root.path().resolve(ref));

        post(body).then().statusCode(200)
                .body("duplicate", is(true))
                .body("archiveRef", equalTo(ref));

        try (var files = Files.list(root.path().resolve("raw/2025/03/07"))) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().contains("_DUP_")).count());
        }
        assertArrayEquals(before, Files.readAllBytes(root.path().resolve(ref)));
    }

    @Test
    void receiptCanBeLookedUpByBatchId() {
        UUID id = UUID.randomUUID();
        String ref = post(TestBatches.body(id, "LOOKUP", "2025-03-07T00:00:00Z")).then().statusCode(201)
                .extract().path("archiveRef");

        given().get("/v1/batches/{id}", id).then().statusCode(200)
                .body("archiveRef", equalTo(ref))
                .body("duplicate", is(false));
    }

    @Test
    void unknownBatchIdIs404ProblemJson() {
        given().get("/v1/batches/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void missingRequiredFieldsAre400ProblemJsonNamingEachField() {
        given().contentType(ContentType.JSON).body("{\"dataType\":\"market_data\",\"symbol\":\"005930\"}")
                .post("/v1/batches")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors", hasItem(containsString("batchId")))
                .body("errors", hasItem(containsString("windowStart")))
                .body("errors", hasItem(containsString("rawResponse")))
                .body("errors", hasItem(containsString("fetchedAt")));
    }

    @Test
    void symbolThatCannotBeAFileNameIsRefused() throws IOException {
        given().contentType(ContentType.JSON)
                .body(TestBatches.body(UUID.randomUUID(), "../../etc", "2025-03-08T00:00:00Z"))
                .post("/v1/batches")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasItem(containsString("symbol")));
        assertTrue(Files.notExists(root.path().resolve("raw/2025/03/08")));
    }

    @Test
    void marketDataWithoutSymbolIsRefused() {
        given().contentType(ContentType.JSON)
                .body(TestBatches.body(UUID.randomUUID(), "market_data", null, "2025-03-08T00:00:00Z",
                        TestBatches.RAW))
                .post("/v1/batches")
                .then().statusCode(400)
                .body("errors", hasItem(containsString("symbol")));
    }

    @Test
    void accountInfoNeedsNoSymbol() {
        given().contentType(ContentType.JSON)
                .body(TestBatches.body(UUID.randomUUID(), "account_info", null, "2025-03-08T00:05:00Z",
                        "{\"balance\":1}"))
                .post("/v1/batches")
                .then().statusCode(201)
                .body("archiveRef", equalTo("raw/2025/03/08/account_info_20250308_090500.json"));
    }

    @Test
    void malformedJsonIs400ProblemJson() {
        given().contentType(ContentType.JSON).body("{\"batchId\": ")
                .post("/v1/batches")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownEnumValueIs400ProblemJson() {
        given().contentType(ContentType.JSON)
                .body(TestBatches.body(UUID.randomUUID(), "tick_data", "005930", "2025-03-08T00:00:00Z",
                        TestBatches.RAW))
                .post("/v1/batches")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void bodyLargerThanTheLimitIs413ProblemJson() {
        String padding = "x".repeat(1_100_000); // the test limit is 1M
        String raw = "{\"status\":\"success\",\"padding\":\"" + padding + "\"}";

        given().contentType(ContentType.JSON)
                .body(TestBatches.body(UUID.randomUUID(), "market_data", "BIG", "2025-03-09T00:00:00Z", raw))
                .post("/v1/batches")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    private static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/batches");
    }
}
