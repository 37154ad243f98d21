package dev.marketpipe.loader.collectionlog;

import dev.marketpipe.loader.Db;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code POST /v1/collection-log}: the API error outcomes the collector reports become data_collection_log rows. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class CollectionAttemptLogTest {

    @Inject
    DataSource dataSource;

    private Db db;
    private String symbol;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        symbol = TestBatches.uniqueSymbol();
    }

    @Test
    void failedAttemptIsWrittenAsOneRowWithEveryColumn() {
        given().contentType(ContentType.JSON).body("""
                {"symbol":"%s","interval":"1m","dataType":"market_data","status":"error","recordsCollected":0,
                 "errorMessage":"HTTP 503 from the securities API","executionTimeMs":3512,"errorType":"server_error",
                 "source":"primary","provider":"simulator","attempts":4}""".formatted(symbol))
                .when().post("/v1/collection-log")
                .then().statusCode(201)
                .body("id", notNullValue()).body("status", equalTo("error")).body("errorType", equalTo("server_error"));

        List<Map<String, Object>> rows = db.rows("SELECT * FROM data_collection_log WHERE symbol = ?", symbol);
        assertEquals(1, rows.size());
        Map<String, Object> row = rows.get(0);
        assertEquals("1m", row.get("interval"));
        assertEquals("error", row.get("status"));
        assertEquals(0, row.get("records_collected"));
        assertEquals("HTTP 503 from the securities API", row.get("error_message"));
        assertEquals(3512, row.get("execution_time_ms"));
        assertEquals("market_data", row.get("data_type"));
        assertEquals("server_error", row.get("error_type"));
        assertEquals("primary", row.get("source"));
        assertEquals("simulator", row.get("provider"));
        assertEquals(4, row.get("attempts"));
        assertEquals(null, row.get("batch_id"));

        given().queryParam("symbol", symbol).when().get("/v1/collection-log")
                .then().statusCode(200).body("[0].errorType", equalTo("server_error"))
                .body("[0].source", equalTo("primary")).body("[0].attempts", equalTo(4));
    }

    @Test
    void aReportSentAgainIsOneRowStampedWhenTheAttemptEnded() {
        String attemptId = java.util.UUID.randomUUID().toString();
        Instant occurredAt = Instant.now().minusSeconds(3_600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String report = """
                {"symbol":"%s","interval":"1m","dataType":"market_data","status":"error","errorType":"timeout",
                 "attemptId":"%s","occurredAt":"%s"}"""
                .formatted(symbol, attemptId, occurredAt);
        given().contentType(ContentType.JSON).body(report).when().post("/v1/collection-log").then().statusCode(201);
        given().contentType(ContentType.JSON).body(report).when().post("/v1/collection-log").then().statusCode(200)
                .body("errorType", equalTo("timeout"));

        List<Map<String, Object>> rows = db.rows("SELECT timestamp, attempt_id::text AS attempt FROM data_collection_log"
                + " WHERE symbol = ?", symbol);
        assertEquals(1, rows.size());
        assertEquals(attemptId, rows.get(0).get("attempt"));
        assertEquals(occurredAt, ((java.time.OffsetDateTime) rows.get(0).get("timestamp")).toInstant(),
                "stamped when the attempt ended, not when the report arrived");
    }

    @Test
    void invalidAttemptIsA400ProblemNamingEveryField() {
        given().contentType(ContentType.JSON).body("""
                {"symbol":"../etc","dataType":"gossip","status":"broken","source":"tertiary","errorType":"Server Error",
                 "executionTimeMs":-1}""")
                .when().post("/v1/collection-log")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("symbol"))
                .body("detail", containsString("status must be one of success, warning, error"))
                .body("detail", containsString("unknown data type 'gossip'"))
                .body("detail", containsString("source must be primary or backup"))
                .body("detail", containsString("errorType"))
                .body("detail", containsString("executionTimeMs"));
        given().contentType(ContentType.JSON).body("{\"symbol\":\"005930\",\"dataType\":\"market_data\",\"status\":\"error\"}")
                .when().post("/v1/collection-log")
                .then().statusCode(400).body("detail", containsString("errorType is required when status is error"));
        given().contentType(ContentType.JSON).body("{\"symbol\":")
                .when().post("/v1/collection-log")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(0, db.count("SELECT count(*) FROM data_collection_log WHERE symbol = '../etc'"));
    }
}
