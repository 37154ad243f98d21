package dev.marketpipe.validator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.marketpipe.testsupport.Management;
import dev.marketpipe.validator.Bars;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.CollectedBatch;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.marketpipe.validator.Bars.bar;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The health check {@code data_quality} through the real endpoint: bad batches push the window's score below 0.98 and
 * the check DOWN ({@code /q/health/well} and {@code /q/health} 503) while readiness and liveness stay UP; enough clean
 * records bring it back UP. A profile of its own, so the window starts empty whatever other tests validated.
 */
@QuarkusTest
@TestProfile(DataQualityHealthTest.OwnWindow.class)
@WithTestResource(LoaderWireMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class DataQualityHealthTest {

    /** Only a fresh application (and so an empty quality window); the KPI's alert threshold 0.98 is the default's. */
    public static class OwnWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.validator.quality.alert-min-records", "2");
        }
    }

    private static final Instant OPEN = Instant.parse("2025-03-04T00:00:00Z"); // Tuesday 09:00 KST

    @LoaderWireMock.InjectLoader
    WireMockServer loader;

    @Inject
    ObjectMapper json;

    @Test
    void badBatchesTurnDataQualityDownAndCleanOnesBringItBack() throws Exception {
        loader.resetAll();
        loader.stubFor(get(urlPathEqualTo("/v1/bars")).willReturn(okJson("[]")));
        loader.stubFor(get(urlEqualTo("/q/health/ready")).willReturn(okJson("{\"status\":\"UP\",\"checks\":[]}")));
        assertDataQuality(200, "UP");

        // two bars with high < low: both quarantined, score 0 over 2 records
        validate(Bars.batch(BarInterval.ONE_MINUTE, "2025-03-04T00:00:00Z", "2025-03-04T00:02:00Z",
                List.of(bar("2025-03-04T00:00:00Z", 10_000, 9_000, 9_900, 10_050, 10),
                        bar("2025-03-04T00:01:00Z", 10_000, 9_000, 9_900, 10_050, 10))));
        assertDataQuality(503, "DOWN");
        given().get(Management.url("/q/health/well")).then().body("checks.find { it.name == 'data_quality' }.data.score",
                equalTo("0.0000"));
        given().get(Management.url("/q/health/ready")).then().statusCode(200);
        given().get(Management.url("/q/health/live")).then().statusCode(200);

        // 150 clean bars: 150 of 152 records clean, 0.987 >= 0.98
        List<Bar> clean = new ArrayList<>();
        for (int minute = 2; minute < 152; minute++) {
            clean.add(bar(OPEN.plus(Duration.ofMinutes(minute)).toString()));
        }
        validate(Bars.batch(BarInterval.ONE_MINUTE, OPEN.plus(Duration.ofMinutes(2)),
                OPEN.plus(Duration.ofMinutes(152)), clean, 1, null));
        assertDataQuality(200, "UP");
    }

    private void validate(CollectedBatch batch) throws Exception {
        loader.stubFor(post(urlEqualTo("/v1/loads")).willReturn(okJson("""
                {"batchId":"%s","rowsChanged":0,"rowsUnchanged":0,"quarantined":0,"duplicate":false}"""
                .formatted(batch.batchId()))));
        given().contentType(ContentType.JSON).body(json.writeValueAsString(batch))
                .when().post("/v1/validations").then().statusCode(200);
    }

    private static void assertDataQuality(int status, String state) {
        given().get(Management.url("/q/health/well")).then().statusCode(status)
                .body("checks.find { it.name == 'data_quality' }.status", equalTo(state))
                .body("checks.find { it.name == 'data_quality' }.data.minScore", equalTo("0.98"));
        given().get(Management.url("/q/health")).then().statusCode(status)
                .body("checks.find { it.name == 'data_quality' }.status", equalTo(state));
    }
}
