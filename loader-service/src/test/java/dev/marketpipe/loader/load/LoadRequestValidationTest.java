package dev.marketpipe.loader.load;

import dev.marketpipe.loader.LoaderDatabaseTest;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.testsupport.PostgresTestResource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.ValidatedBatch;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Invariant 4: bad input gets a clear problem-JSON answer, never a 500, and nothing is written. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class LoadRequestValidationTest extends LoaderDatabaseTest {

    private static final Instant OPEN = Instant.parse("2025-03-04T00:00:00Z");

    private static void assertProblem(ValidatableResponse response, int status, String detailPart) {
        response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", is(status))
                .body("detail", containsString(detailPart))
                .body("detail", not(containsString("Exception")));
    }

    private void assertNothingWritten() {
        assertEquals(0, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
        assertEquals(0, db.count("SELECT count(*) FROM quarantine WHERE symbol = ?", symbol));
        assertEquals(0, db.count("SELECT count(*) FROM data_collection_log WHERE symbol = ?", symbol));
        assertEquals(0, db.count("SELECT count(*) FROM loaded_batch WHERE symbol = ?", symbol));
    }

    @Test
    void malformedJsonIs400ProblemNot500() {
        // JSON syntax errors are refused by Quarkus REST before the shared Jackson mapper sees them: the detail is
        // the framework's generic one, but the answer is still a 400 problem JSON and never a 500
        for (String broken : List.of("{\"batchId\": ", "{\"symbol\": }", "not json")) {
            api.postRaw(broken).statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("status", is(400));
        }
        assertProblem(api.postRaw("{\"batchId\": \"not-a-uuid\"}"), 400, "batchId");
        assertProblem(api.postRaw("[1, 2, 3]"), 400, "JSON");
    }

    @Test
    void emptyBodyIs400() {
        assertProblem(given().contentType(ContentType.JSON).when().post("/v1/loads").then(), 400, "body");
    }

    @Test
    void unknownIntervalInTheBodyIs400() {
        ObjectNode body = objectMapper.valueToTree(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, OPEN, BarInterval.ONE_MINUTE, 1)));
        body.put("interval", "2m");
        api.postRaw(body.toString()).statusCode(400).contentType(startsWith("application/problem+json"));
        assertNothingWritten();
    }

    @Test
    void missingEnvelopeFieldsAre400WithTheirNames() {
        assertProblem(api.postRaw("{}"), 400, "batchId, dataType, symbol, interval, accepted, quarantined");
        ObjectNode body = objectMapper.valueToTree(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, OPEN, BarInterval.ONE_MINUTE, 1)));
        body.putNull("quarantined");
        assertProblem(api.postRaw(body.toString()), 400, "quarantined");
        assertNothingWritten();
    }

    @Test
    void acceptedBarWithANullOhlcvFieldIs422AndNothingIsWritten() {
        List<Bar> bars = new ArrayList<>(TestBatches.bars(symbol, OPEN, BarInterval.ONE_MINUTE, 3));
        Bar b = bars.get(2);
        bars.set(2, new Bar(b.timestamp(), symbol, b.open(), b.high(), b.low(), b.close(), null, b.value()));

        assertProblem(api.post(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, bars)), 422,
                "accepted[2]: accepted bar without volume");
        assertNothingWritten();
    }

    @Test
    void acceptedBarWithoutTimestampIs422() {
        Bar b = TestBatches.bars(symbol, OPEN, BarInterval.ONE_MINUTE, 1).get(0);
        Bar noTime = new Bar(null, symbol, b.open(), b.high(), b.low(), b.close(), b.volume(), b.value());

        assertProblem(api.post(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, List.of(noTime))), 422,
                "without timestamp");
        assertNothingWritten();
    }

    @Test
    void priceWithMoreDecimalsThanTheColumnHoldsIs422() {
        Bar b = TestBatches.bars(symbol, OPEN, BarInterval.ONE_MINUTE, 1).get(0);
        Bar fine = new Bar(b.timestamp(), symbol, new BigDecimal("75000.125"), b.high(), b.low(), b.close(),
                b.volume(), b.value());

        assertProblem(api.post(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, List.of(fine))), 422,
                "open has more than 2 decimal places");
        assertNothingWritten();
    }

    @Test
    void anOrderBookVerdictWithoutAcceptedRecordsIs400() {
        ValidatedBatch bars = TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, OPEN, BarInterval.ONE_MINUTE, 1));
        ValidatedBatch orderbook = new ValidatedBatch(bars.batchId(), DataType.ORDERBOOK, symbol, bars.interval(),
                bars.source(), bars.archiveRef(), bars.fetchedAt(), bars.apiLatencyMs(), bars.recordsReceived(),
                bars.accepted(), bars.quarantined(), bars.batchIssues(), bars.qualityScore());

        assertProblem(api.post(orderbook), 400, "acceptedRecords");
        assertNothingWritten();
    }
}
