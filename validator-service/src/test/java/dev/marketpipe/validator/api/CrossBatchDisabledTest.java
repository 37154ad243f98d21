package dev.marketpipe.validator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.marketpipe.validator.Bars;
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

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.marketpipe.validator.Bars.bar;
import static io.restassured.RestAssured.given;

/** {@code marketpipe.validator.cross-batch.enabled=false}: no read of stored bars, batch-local checks only. */
@QuarkusTest
@TestProfile(CrossBatchDisabledTest.Disabled.class)
@WithTestResource(LoaderWireMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class CrossBatchDisabledTest {

    public static class Disabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.validator.cross-batch.enabled", "false");
        }
    }

    @LoaderWireMock.InjectLoader
    WireMockServer loader;

    @Inject
    ObjectMapper json;

    @Test
    void switchedOffTheValidatorNeverReadsTheStoredBars() throws Exception {
        loader.stubFor(get(urlPathEqualTo("/v1/bars")).willReturn(okJson("[]")));
        CollectedBatch batch = Bars.batch(BarInterval.ONE_MINUTE, "2025-03-04T00:00:00Z", "2025-03-04T00:02:00Z",
                List.of(bar("2025-03-04T00:00:00Z"), bar("2025-03-04T00:01:00Z")));
        loader.stubFor(post(urlEqualTo("/v1/loads")).willReturn(okJson("""
                {"batchId":"%s","rowsChanged":2,"rowsUnchanged":0,"quarantined":0,"duplicate":false}"""
                .formatted(batch.batchId()))));

        given().contentType(ContentType.JSON).body(json.writeValueAsString(batch))
                .when().post("/v1/validations").then().statusCode(200);

        loader.verify(0, getRequestedFor(urlPathEqualTo("/v1/bars"))
                .withQueryParam("interval", WireMock.equalTo("1m")));
        loader.verify(1, getRequestedFor(urlPathEqualTo("/v1/bars"))
                .withQueryParam("interval", WireMock.equalTo("1d")));
    }
}
