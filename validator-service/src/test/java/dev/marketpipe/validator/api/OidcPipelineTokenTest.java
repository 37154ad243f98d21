package dev.marketpipe.validator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code marketpipe.auth.oidc.enabled} the validator calls the loader with a pipeline token it got from the OIDC
 * provider (client-credentials grant), not one it signed; the token is reused, not fetched per call.
 */
@QuarkusTest
@WithTestResource(LoaderWireMock.class)
@WithTestResource(OidcProviderMock.class)
@TestSecurity(user = "tester", roles = "pipeline")
class OidcPipelineTokenTest {

    @LoaderWireMock.InjectLoader
    WireMockServer loader;

    @OidcProviderMock.InjectProvider
    WireMockServer provider;

    @Inject
    ObjectMapper json;

    @Test
    void theLoaderIsCalledWithTheProvidersTokenFetchedOnce() throws Exception {
        loader.stubFor(get(urlPathEqualTo("/v1/bars")).willReturn(okJson("[]")));
        loader.stubFor(post(urlEqualTo("/v1/loads")).willReturn(okJson(
                "{\"rowsChanged\":1,\"rowsUnchanged\":0,\"quarantined\":0,\"duplicate\":false}")));
        for (int i = 0; i < 2; i++) {
            CollectedBatch batch = Bars.batch(BarInterval.ONE_MINUTE, "2025-03-04T00:00:00Z", "2025-03-04T00:01:00Z",
                    List.of(Bars.bar("2025-03-04T00:00:00Z")));
            given().contentType(ContentType.JSON).body(json.writeValueAsString(batch))
                    .when().post("/v1/validations").then().statusCode(200);
        }

        List<LoggedRequest> loads = loader.findAll(postRequestedFor(urlEqualTo("/v1/loads")));
        assertEquals(2, loads.size());
        for (LoggedRequest load : loads) {
            assertEquals("Bearer " + OidcProviderMock.ACCESS_TOKEN, load.getHeader("Authorization"));
        }
        List<LoggedRequest> grants = provider.findAll(postRequestedFor(urlEqualTo("/protocol/openid-connect/token")));
        assertEquals(1, grants.size(), "one token for both calls");
        assertTrue(grants.get(0).getBodyAsString().contains("grant_type=client_credentials"), grants.get(0).getBodyAsString());
    }
}
