package dev.marketpipe.validator.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.marketpipe.testsupport.Management;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Readiness follows the loader's readiness; liveness never does. */
@QuarkusTest
@WithTestResource(LoaderWireMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class ReadinessTest {

    @LoaderWireMock.InjectLoader
    WireMockServer loader;

    @BeforeEach
    void reset() {
        loader.resetAll();
    }

    @Test
    void readyWhileTheLoaderIsReady() {
        loader.stubFor(get(urlEqualTo("/q/health/ready")).willReturn(okJson("{\"status\":\"UP\"}")));

        given().when().get(Management.url("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void notReadyButAliveWhileTheLoaderIsDown() {
        loader.stubFor(get(urlEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(503)));

        given().when().get(Management.url("/q/health/ready")).then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].name", equalTo("loader"));
        given().when().get(Management.url("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
    }
}
