package dev.marketpipe.validator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.marketpipe.testsupport.Management;
import dev.marketpipe.testsupport.TestTokens;
import dev.marketpipe.validator.Bars;
import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantineStatus;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.ValidatedBatch;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.marketpipe.validator.Bars.bar;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /v1/validations} end to end, with WireMock as the loader-service. */
@QuarkusTest
@WithTestResource(LoaderWireMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class ValidationResourceTest extends LoaderStubbedTest {

    /** The stored daily bar of Friday 2025-02-28 (2025-03-03 is a holiday): close 10000, band [7000, 13000]. */
    private static final String PREVIOUS_DAY = """
            [{"timestamp":"2025-02-28T00:00:00Z","symbol":"005930","open":9900,"high":10100,"low":9800,
              "close":10000,"volume":123456,"value":null}]""";

    @BeforeEach
    void stubLoaderReads() {
        loader.stubFor(get(urlPathEqualTo("/v1/bars")).willReturn(okJson(PREVIOUS_DAY)));
        // the cross-batch checks' read of the window: nothing stored yet (CrossBatchValidationTest covers it)
        loader.stubFor(get(urlPathEqualTo("/v1/bars")).withQueryParam("interval", WireMock.equalTo("1m"))
                .willReturn(okJson("[]")));
        loader.stubFor(get(urlEqualTo("/q/health/ready")).willReturn(okJson("{\"status\":\"UP\",\"checks\":[]}")));
    }

    /** Five minutes from 09:00 KST: clean, volume 0, high < low, +30% + one tick, missing close. */
    private static CollectedBatch mixedBatch() {
        List<Bar> bars = List.of(
                bar("2025-03-04T00:00:00Z"),
                bar("2025-03-04T00:01:00Z", 10_000, 10_100, 9_900, 10_050, 0),
                bar("2025-03-04T00:02:00Z", 10_000, 9_000, 9_900, 10_050, 10),
                bar("2025-03-04T00:03:00Z", 10_000, 13_010, 9_900, 10_050, 10),
                Bars.withPrices(bar("2025-03-04T00:04:00Z"), java.math.BigDecimal.valueOf(10_000),
                        java.math.BigDecimal.valueOf(10_100), java.math.BigDecimal.valueOf(9_900), null));
        return Bars.batch(BarInterval.ONE_MINUTE, "2025-03-04T00:00:00Z", "2025-03-04T00:05:00Z", bars);
    }

    private ValidatedBatch postedVerdict() throws Exception {
        List<LoggedRequest> posts = loader.findAll(postRequestedFor(urlEqualTo("/v1/loads")));
        assertEquals(1, posts.size(), "one load request");
        String token = TestTokens.verifiedPayload(posts.get(0).getHeader("Authorization"));
        assertTrue(token.contains("\"sub\":\"validator-service\"") && token.contains("\"groups\":[\"pipeline\"]"),
                "the load carries the validator's pipeline token: " + token);
        return json.readValue(posts.get(0).getBodyAsString(), ValidatedBatch.class);
    }

    @Test
    void batchIsValidatedAndTheVerdictPostedToTheLoaderWhoseReceiptIsTheAnswer() throws Exception {
        CollectedBatch batch = mixedBatch();
        loaderAccepts(batch, 2, 3);

        given().contentType(ContentType.JSON).body(json.writeValueAsString(batch))
                .when().post("/v1/validations")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("batchId", equalTo(batch.batchId().toString()))
                .body("rowsChanged", equalTo(2))
                .body("quarantined", equalTo(3))
                .body("duplicate", equalTo(false));

        ValidatedBatch verdict = postedVerdict();
        assertEquals(batch.batchId(), verdict.batchId());
        assertEquals(batch.archiveRef(), verdict.archiveRef());
        assertEquals(5, verdict.recordsReceived());
        assertEquals(List.of(batch.bars().get(0), batch.bars().get(1)),
                verdict.accepted().stream().map(AcceptedBar::bar).toList());
        assertEquals(List.of(RuleCodes.VOLUME_ZERO),
                verdict.accepted().get(1).flags().stream().map(QualityIssue::rule).toList());
        List<QuarantinedBar> held = verdict.quarantined();
        assertEquals(List.of(batch.bars().get(2), batch.bars().get(3), batch.bars().get(4)),
                held.stream().map(QuarantinedBar::bar).toList());
        assertEquals(List.of(QuarantineStatus.QUARANTINED, QuarantineStatus.REVIEW, QuarantineStatus.QUARANTINED),
                held.stream().map(QuarantinedBar::status).toList());
        assertEquals(RuleCodes.OHLC_INCONSISTENT, held.get(0).issues().get(0).rule());
        assertEquals(RuleCodes.PRICE_OUT_OF_RANGE, held.get(1).issues().get(0).rule());
        assertEquals(RuleCodes.MISSING_FIELD, held.get(2).issues().get(0).rule());
        assertEquals(List.of(), verdict.batchIssues());
        assertEquals(0.2, verdict.qualityScore(), 1e-9);
        // the previous close came from the loader's daily bar of the previous trading day
        loader.verify(1, getRequestedFor(urlPathEqualTo("/v1/bars"))
                .withQueryParam("symbol", WireMock.equalTo("005930"))
                .withQueryParam("interval", WireMock.equalTo("1d"))
                .withQueryParam("from", WireMock.equalTo("2025-02-28"))
                .withQueryParam("to", WireMock.equalTo("2025-03-04")));
    }

    @Test
    void verdictOnTheWireUsesTheContractsJsonNames() throws Exception {
        CollectedBatch batch = mixedBatch();
        loaderAccepts(batch, 2, 3);

        given().contentType(ContentType.JSON).body(json.writeValueAsString(batch)).when().post("/v1/validations").then().statusCode(200);

        String body = loader.findAll(postRequestedFor(urlEqualTo("/v1/loads"))).get(0).getBodyAsString();
        assertTrue(body.contains("\"status\":\"review\""), body);
        assertTrue(body.contains("\"severity\":\"critical\""), body);
        assertTrue(body.contains("\"interval\":\"1m\""), body);
        assertTrue(body.contains("\"dataType\":\"market_data\""), body);
        assertTrue(body.contains("\"timestamp\":\"2025-03-04T00:00:00Z\""), body);
    }

    @Test
    void previousCloseIsAskedOncePerSymbolAndDay() throws Exception {
        for (int i = 0; i < 3; i++) {
            CollectedBatch batch = mixedBatch();
            loaderAccepts(batch, 2, 3);
            given().contentType(ContentType.JSON).body(json.writeValueAsString(batch))
                    .when().post("/v1/validations").then().statusCode(200);
        }

        loader.verify(1, getRequestedFor(urlPathEqualTo("/v1/bars"))
                .withQueryParam("interval", WireMock.equalTo("1d")));
    }

    @Test
    void failedPreviousCloseLookupSkipsTheLimitCheckAndNeverFailsTheBatch() throws Exception {
        loader.stubFor(get(urlPathEqualTo("/v1/bars")).willReturn(aResponse().withStatus(500)));
        CollectedBatch batch = mixedBatch();
        loaderAccepts(batch, 3, 2);

        given().contentType(ContentType.JSON).body(json.writeValueAsString(batch))
                .when().post("/v1/validations").then().statusCode(200);

        ValidatedBatch verdict = postedVerdict();
        assertEquals(3, verdict.accepted().size(), "the +30% bar is accepted without a known previous close");
        assertTrue(verdict.quarantined().stream().noneMatch(q -> q.status() == QuarantineStatus.REVIEW));
    }

    @Test
    void loaderServerErrorIsOur503ProblemAfterOneRetry() throws Exception {
        loader.stubFor(post(urlEqualTo("/v1/loads")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"database down\"}")));
        double before = counter("loader_unavailable");

        given().contentType(ContentType.JSON).body(json.writeValueAsString(mixedBatch()))
                .when().post("/v1/validations")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("title", equalTo("Service Unavailable"))
                .body("detail", containsString("loader"))
                .body("$", not(org.hamcrest.Matchers.hasKey("stackTrace")));

        loader.verify(2, postRequestedFor(urlEqualTo("/v1/loads")));
        assertEquals(before + 1, counter("loader_unavailable"));
    }

    @Test
    void unreachableLoaderIsOur503Problem() throws Exception {
        loader.stubFor(post(urlEqualTo("/v1/loads"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().contentType(ContentType.JSON).body(json.writeValueAsString(mixedBatch()))
                .when().post("/v1/validations")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503));
    }

    @Test
    void slowLoaderIsOur503Problem() throws Exception {
        loader.stubFor(post(urlEqualTo("/v1/loads")).willReturn(okJson("{}").withFixedDelay(1_500)));

        given().contentType(ContentType.JSON).body(json.writeValueAsString(mixedBatch()))
                .when().post("/v1/validations")
                .then().statusCode(503)
                .contentType("application/problem+json");
    }

    @Test
    void loaderRefusalIsOur422ProblemWithTheLoadersDetailAndNoRetry() throws Exception {
        loader.stubFor(post(urlEqualTo("/v1/loads")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"unknown symbol 005930\"}")));

        given().contentType(ContentType.JSON).body(json.writeValueAsString(mixedBatch()))
                .when().post("/v1/validations")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("detail", containsString("unknown symbol 005930"));

        loader.verify(1, postRequestedFor(urlEqualTo("/v1/loads")));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType(ContentType.JSON).body("{\"batchId\": ")
                .when().post("/v1/validations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
        loader.verify(0, postRequestedFor(urlEqualTo("/v1/loads")));
    }

    @Test
    void unknownIntervalIsA400Problem() throws Exception {
        ObjectNode body = (ObjectNode) json.valueToTree(mixedBatch());
        body.put("interval", "2h");

        given().contentType(ContentType.JSON).body(json.writeValueAsString(body))
                .when().post("/v1/validations")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void missingRequiredFieldsAreNamedInA400Problem() throws Exception {
        ObjectNode body = (ObjectNode) json.valueToTree(mixedBatch());
        body.remove("batchId");
        body.remove("bars");

        given().contentType(ContentType.JSON).body(json.writeValueAsString(body))
                .when().post("/v1/validations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("missing required fields: batchId, bars"));
        loader.verify(0, postRequestedFor(urlEqualTo("/v1/loads")));
    }

    @Test
    void emptyBodyIsA400Problem() {
        given().contentType(ContentType.JSON)
                .when().post("/v1/validations")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void nullBarIsA400Problem() throws Exception {
        ObjectNode body = (ObjectNode) json.valueToTree(mixedBatch());
        body.withArray("bars").addNull();

        given().contentType(ContentType.JSON).body(json.writeValueAsString(body))
                .when().post("/v1/validations")
                .then().statusCode(400)
                .body("detail", equalTo("bars[5] is null"));
    }

    @Test
    void anOrderBookBatchWithoutItsRecordsIsA400Problem() throws Exception {
        ObjectNode body = (ObjectNode) json.valueToTree(mixedBatch());
        body.put("dataType", "orderbook");

        given().contentType(ContentType.JSON).body(json.writeValueAsString(body))
                .when().post("/v1/validations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("records.orderBooks"));
        loader.verify(0, postRequestedFor(urlEqualTo("/v1/loads")));
    }

    @Test
    void forwardedBatchIsCountedPerRecordAndRule() throws Exception {
        CollectedBatch batch = mixedBatch();
        loaderAccepts(batch, 2, 3);
        double received = registry.counter("marketpipe.validator.records.received").count();
        double ohlc = registry.counter("marketpipe.validator.records.quarantined",
                "rule", RuleCodes.OHLC_INCONSISTENT, "status", "quarantined").count();
        double review = registry.counter("marketpipe.validator.records.quarantined",
                "rule", RuleCodes.PRICE_OUT_OF_RANGE, "status", "review").count();
        double flagged = registry.counter("marketpipe.validator.records.flagged", "rule", RuleCodes.VOLUME_ZERO)
                .count();

        given().contentType(ContentType.JSON).body(json.writeValueAsString(batch))
                .when().post("/v1/validations").then().statusCode(200);

        assertEquals(received + 5, registry.counter("marketpipe.validator.records.received").count());
        assertEquals(ohlc + 1, registry.counter("marketpipe.validator.records.quarantined",
                "rule", RuleCodes.OHLC_INCONSISTENT, "status", "quarantined").count());
        assertEquals(review + 1, registry.counter("marketpipe.validator.records.quarantined",
                "rule", RuleCodes.PRICE_OUT_OF_RANGE, "status", "review").count());
        assertEquals(flagged + 1, registry.counter("marketpipe.validator.records.flagged",
                "rule", RuleCodes.VOLUME_ZERO).count());
        given().when().get(Management.url("/q/metrics")).then().statusCode(200)
                .body(containsString("marketpipe_validator_records_received_total"))
                .body(containsString("marketpipe_validator_records_accepted_total"))
                .body(containsString("marketpipe_validator_batches_total{outcome=\"forwarded\""))
                .body(containsString("marketpipe_validator_batch_quality_score_ratio_count"));
    }

    private double counter(String outcome) {
        return registry.counter("marketpipe.validator.batches", "outcome", outcome).count();
    }
}
