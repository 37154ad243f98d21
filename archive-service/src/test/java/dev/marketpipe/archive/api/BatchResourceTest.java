package dev.marketpipe.archive.api;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.envelope.Sha256;
import dev.marketpipe.archive.store.ConfiguredArchiveStore;
import dev.marketpipe.archive.store.StoredObject;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

/** The intake API; reads the archive through its store, so {@link BatchResourceOnS3Test} runs the same tests on S3. */
@QuarkusTest
@WithTestResource(ValidatorMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class BatchResourceTest {

    @Inject
    ConfiguredArchiveStore store;

    @Test
    void envelopeIsWrittenUnderTheKstDateAndTimeOfTheWindowStart() throws IOException {
        UUID id = UUID.randomUUID();

        Response response = post(TestBatches.body(id, "005930", "2025-03-04T00:00:00Z"));

        response.then().statusCode(201)
                .header("Location", endsWith("/v1/batches/" + id))
                .body("batchId", equalTo(id.toString()))
                .body("archiveRef", equalTo("raw/2025/03/04/market_data_005930_20250304_090000.json"))
                .body("duplicate", is(false));
        byte[] bytes = read("raw/2025/03/04/market_data_005930_20250304_090000.json");
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

        String envelope = new String(read(ref), StandardCharsets.UTF_8);

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
        assertTrue(new String(read(firstRef), StandardCharsets.UTF_8).contains(first.toString()));
        assertTrue(new String(read(secondRef), StandardCharsets.UTF_8).contains(second.toString()));
    }

    @Test
    void sameBatchIdTwiceIsADuplicateAndWritesNothingTwice() throws IOException {
        UUID id = UUID.randomUUID();
        String body = TestBatches.body(id, "DUP", "2025-03-07T00:00:00Z");
        String ref = post(body).then().statusCode(201).extract().path("archiveRef");
        byte[] before = read(ref);

        post(body).then().statusCode(200)
                .body("duplicate", is(true))
                .body("archiveRef", equalTo(ref));

        assertEquals(1, store.get().list("raw/2025/03/07/").stream().map(StoredObject::ref)
                .filter(r -> r.contains("_DUP_")).count());
        assertArrayEquals(before, read(ref));
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
        assertTrue(store.get().list("raw/2025/03/08/").isEmpty());
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

    private byte[] read(String ref) throws IOException {
        return store.get().read(ref);
    }

    private static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/batches");
    }
}
