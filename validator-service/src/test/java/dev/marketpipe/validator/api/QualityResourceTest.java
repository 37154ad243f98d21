package dev.marketpipe.validator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.marketpipe.testsupport.Management;
import dev.marketpipe.validator.Bars;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.SourceRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.marketpipe.validator.Bars.bar;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Quality metrics and {@code GET /v1/quality} after batches validated through {@code POST /v1/validations}, WireMock
 * as the loader. Symbol 035420 on 2025-03-06 is this test's own, so other tests' batches do not change its counts.
 */
@QuarkusTest
@WithTestResource(LoaderWireMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class QualityResourceTest {

    private static final String SYMBOL = "035420";
    private static final String RECEIPT = """
            {"batchId":"%s","rowsChanged":4,"rowsUnchanged":0,"quarantined":1,"duplicate":%s}""";

    @LoaderWireMock.InjectLoader
    WireMockServer loader;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void resetLoader() {
        loader.resetAll();
        breakers.resetAll();
        loader.stubFor(get(urlPathEqualTo("/v1/bars")).willReturn(okJson("[]")));
        loader.stubFor(get(urlEqualTo("/q/health/ready")).willReturn(okJson("{\"status\":\"UP\",\"checks\":[]}")));
    }

    /** 09:00–09:05 KST on 2025-03-06: three clean bars, one with volume 0 (flagged), one with high < low. */
    private static CollectedBatch batch() {
        List<Bar> bars = List.of(
                bar("2025-03-06T00:00:00Z"), bar("2025-03-06T00:01:00Z"), bar("2025-03-06T00:02:00Z"),
                bar("2025-03-06T00:03:00Z", 10_000, 10_100, 9_900, 10_050, 0),
                bar("2025-03-06T00:04:00Z", 10_000, 9_000, 9_900, 10_050, 10));
        return new CollectedBatch(UUID.randomUUID(), DataType.MARKET_DATA, SYMBOL, BarInterval.ONE_MINUTE,
                SourceRole.PRIMARY, "simulator", Instant.parse("2025-03-06T00:00:00Z"),
                Instant.parse("2025-03-06T00:05:00Z"), 1, Instant.parse("2025-03-06T07:00:00Z"), 42, 1, "v1.0",
                "0.1.0", null, bars.stream().map(b -> Bars.withSymbol(b, SYMBOL)).toList(),
                "raw/2025/03/06/market_data_035420_20250306_090000.json");
    }

    private void validate(CollectedBatch batch, boolean duplicate) throws Exception {
        loader.stubFor(post(urlEqualTo("/v1/loads"))
                .willReturn(okJson(RECEIPT.formatted(batch.batchId(), duplicate))));
        given().contentType(ContentType.JSON).body(json.writeValueAsString(batch))
                .when().post("/v1/validations").then().statusCode(200);
    }

    private double records(String outcome) {
        return registry.counter("marketpipe.validator.records", "data_type", "market_data", "outcome", outcome)
                .count();
    }

    @Test
    void validatedBatchesMoveTheOutcomeCountersTheWindowGaugesAndTheSymbolsDay() throws Exception {
        double clean = records("accepted_clean");
        double flagged = records("accepted_flagged");
        double quarantined = records("quarantined");
        CollectedBatch batch = batch();

        validate(batch, false);
        validate(batch, true); // a redelivery the loader already had counts nothing

        assertEquals(clean + 3, records("accepted_clean"));
        assertEquals(flagged + 1, records("accepted_flagged"));
        assertEquals(quarantined + 1, records("quarantined"));
        // 60% clean is below the 98% alert threshold whatever else this JVM's window holds
        assertEquals(1.0, registry.get("marketpipe.validator.quality.below.threshold").gauge().value());
        given().when().get(Management.url("/q/metrics")).then().statusCode(200)
                .body(containsString("marketpipe_validator_quality_score_ratio "))
                .body(containsString("marketpipe_validator_quality_below_threshold 1.0"))
                .body(containsString("marketpipe_validator_records_total{data_type=\"market_data\","
                        + "outcome=\"accepted_clean\"}"));

        given().queryParam("date", "2025-03-06").queryParam("symbol", SYMBOL)
                .when().get("/v1/quality")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("date", equalTo("2025-03-06"))
                .body("symbols", aMapWithSize(1))
                .body("symbols.'035420'.score", equalTo(0.6f))
                .body("symbols.'035420'.records", equalTo(5))
                .body("symbols.'035420'.flagged", equalTo(1))
                .body("symbols.'035420'.quarantined", equalTo(1));
        given().queryParam("date", "2025-03-07").queryParam("symbol", SYMBOL)
                .when().get("/v1/quality")
                .then().statusCode(200).body("symbols", aMapWithSize(0));
    }

    @Test
    void badQueryIsA400Problem() {
        given().when().get("/v1/quality").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("date"));
        given().queryParam("date", "2025-13-01").when().get("/v1/quality").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("date", "2025-03-06").queryParam("symbol", "a b").when().get("/v1/quality")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
