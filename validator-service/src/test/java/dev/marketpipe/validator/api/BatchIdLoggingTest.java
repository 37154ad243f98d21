package dev.marketpipe.validator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.marketpipe.testsupport.LogCapture;
import dev.marketpipe.validator.Bars;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.CollectedBatch;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.marketpipe.validator.Bars.bar;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lines the validator writes while it validates a batch carry that batch's id (MDC batchId). */
@QuarkusTest
@WithTestResource(LoaderWireMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class BatchIdLoggingTest {

    @LoaderWireMock.InjectLoader
    WireMockServer loader;

    @Inject
    ObjectMapper json;

    @Test
    void linesOfAValidationCarryItsBatchId() throws Exception {
        loader.resetAll();
        loader.stubFor(get(urlPathEqualTo("/v1/bars")).willReturn(okJson("[]")));
        // volume 0 is flagged, high < low held back: the verdict log writes a line of its own
        CollectedBatch batch = Bars.batch(BarInterval.ONE_MINUTE, "2025-03-04T00:00:00Z", "2025-03-04T00:02:00Z",
                List.of(bar("2025-03-04T00:00:00Z", 10_000, 10_100, 9_900, 10_050, 0),
                        bar("2025-03-04T00:01:00Z", 10_000, 9_000, 9_900, 10_050, 10)));
        loader.stubFor(post(urlEqualTo("/v1/loads")).willReturn(okJson("""
                {"batchId":"%s","rowsChanged":1,"rowsUnchanged":0,"quarantined":1,"duplicate":false}"""
                .formatted(batch.batchId()))));
        String id = batch.batchId().toString();

        try (LogCapture logs = LogCapture.start()) {
            given().contentType(ContentType.JSON).body(json.writeValueAsString(batch))
                    .when().post("/v1/validations").then().statusCode(200);

            List<LogCapture.Line> handling = logs.mentioning(id);
            assertTrue(handling.size() >= 2, "the verdict and the summary line of " + id + ": " + logs.lines());
            handling.forEach(line -> assertEquals(id, line.batchId(), "MDC batchId on " + line));
            assertTrue(logs.lines().stream().allMatch(l -> l.batchId() == null || l.batchId().equals(id)),
                    "no other batch id: " + logs.lines());
        }
        loader.verify(1, WireMock.postRequestedFor(urlEqualTo("/v1/loads")));
    }
}
