package dev.marketpipe.console.page;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.marketpipe.console.signin.SignIns;
import dev.marketpipe.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /review}: the loader's quarantine queue, read and decided with the signed-in person's own token; the loader's
 * refusals become an error for the person, never a failure of the console.
 */
@QuarkusTest
@WithTestResource(StageWireMocks.class)
class ReviewPageTest {

    static final String ENTRY = """
            {"id":41,"batchId":"6f1c2a3e-0000-4000-8000-000000000041","dataType":"market_data","symbol":"005930",
             "interval":"1m","recordTimestamp":"2025-03-04T00:05:00Z","status":"%s",
             "reasons":[{"rule":"price_out_of_range","severity":"error","timestamp":"2025-03-04T00:05:00Z",
                         "message":"close 999999 is outside the day's band"}],
             "record":{"timestamp":"2025-03-04T00:05:00Z","open":75000,"close":999999,"volume":null},
             "archiveRef":"2025/03/04/batch.json","createdAt":"2025-03-04T00:06:00Z",
             "decidedBy":%s,"decidedAt":%s}
            """;
    static final String FORBIDDEN = """
            {"type":"about:blank","title":"Forbidden","status":403,
             "detail":"the token holds none of the roles this operation allows"}
            """;

    @StageWireMocks.InjectStages
    StageWireMocks.Stages stages;

    private final String token = TestTokens.token("kim", "reviewer");

    @BeforeEach
    void reset() {
        stages.resetAll();
    }

    @Test
    void theQueueListsTheLoadersEntriesReadWithThePersonsOwnToken() {
        stages.loader().stubFor(get(urlPathEqualTo("/v1/quarantine"))
                .willReturn(okJson("[" + ENTRY.formatted("quarantined", "null", "null") + "]")));

        String page = given().cookie(SignIns.COOKIE, token).when().get("/review?status=quarantined&symbol=005930")
                .then().statusCode(200).extract().asString();

        assertTrue(page.contains("<tr class=\"entry\" id=\"entry-41\" data-status=\"quarantined\">"), page);
        assertTrue(page.contains(
                "<strong>price_out_of_range</strong> (error): close 999999 is outside the day&#39;s band"), page);
        assertTrue(page.contains("<li>close: 999999</li>"), page);
        assertTrue(page.contains("<li>volume: –</li>"), page);
        assertTrue(page.contains("action=\"/review/41/approve?status=quarantined&amp;symbol=005930\""), page);
        stages.loader().verify(getRequestedFor(urlPathEqualTo("/v1/quarantine"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withQueryParam("status", equalTo("quarantined"))
                .withQueryParam("symbol", equalTo("005930"))
                .withQueryParam("reason", absent())
                .withQueryParam("date", absent())
                .withQueryParam("limit", equalTo("100")));
    }

    @Test
    void aLoaderThatRefusesTheListIsShownAsAnErrorOnThePage() {
        stages.loader().stubFor(get(urlPathEqualTo("/v1/quarantine")).willReturn(problem(403, FORBIDDEN)));

        String page = given().cookie(SignIns.COOKIE, token).when().get("/review")
                .then().statusCode(200).extract().asString();

        assertTrue(page.contains("<p class=\"error\">the loader answered 403: "
                + "the token holds none of the roles this operation allows</p>"), page);
        assertTrue(page.contains("<p id=\"queue-empty\">"), page);
    }

    @Test
    void approvingCallsTheLoaderWithThePersonsTokenAndReturnsToTheFilteredQueueWithANotice() {
        stages.loader().stubFor(post(urlEqualTo("/v1/quarantine/41/approve"))
                .willReturn(okJson(ENTRY.formatted("approved", "\"kim\"", "\"2025-03-04T09:00:00Z\""))));

        Redirect back = Redirect.of(given().cookie(SignIns.COOKIE, token).redirects().follow(false)
                .when().post("/review/41/approve?status=quarantined&symbol=005930").then().extract());

        assertEquals("/review", back.path());
        assertEquals("quarantined", back.param("status"));
        assertEquals("005930", back.param("symbol"));
        assertEquals("#41 005930 approved by kim", back.param("notice"));
        assertNull(back.param("error"));
        stages.loader().verify(postRequestedFor(urlEqualTo("/v1/quarantine/41/approve"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void aRefusalOfTheLoaderBecomesAnErrorForThePersonNeverAFailure() {
        stages.loader().stubFor(post(urlEqualTo("/v1/quarantine/42/reject")).willReturn(problem(403, FORBIDDEN)));

        Redirect back = Redirect.of(given().cookie(SignIns.COOKIE, token).redirects().follow(false)
                .when().post("/review/42/reject").then().extract());

        assertEquals("/review", back.path());
        assertNull(back.param("notice"));
        assertEquals("#42: the loader answered 403: the token holds none of the roles this operation allows",
                back.param("error"));
        stages.loader().stubFor(get(urlPathEqualTo("/v1/quarantine")).willReturn(okJson("[]")));
        String page = given().cookie(SignIns.COOKIE, token).queryParam("error", back.param("error"))
                .when().get("/review").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<p class=\"error\" role=\"alert\">#42: the loader answered 403: "
                + "the token holds none of the roles this operation allows</p>"), page);
    }

    @Test
    void aLoaderThatDoesNotAnswerBecomesAnErrorToo() {
        stages.loader().stubFor(post(urlEqualTo("/v1/quarantine/43/approve")).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Redirect back = Redirect.of(given().cookie(SignIns.COOKIE, token).redirects().follow(false)
                .when().post("/review/43/approve").then().extract());

        assertEquals("/review", back.path());
        assertTrue(back.param("error").startsWith("#43: the loader did not answer"), back.param("error"));
    }

    @Test
    void decidingNeedsASignedInPerson() {
        Redirect toSignIn = Redirect.of(given().redirects().follow(false)
                .when().post("/review/41/approve").then().extract());

        assertEquals("/signin", toSignIn.path());
        stages.loader().verify(0, postRequestedFor(urlPathEqualTo("/v1/quarantine/41/approve")));
    }

    private static ResponseDefinitionBuilder problem(int status, String json) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(json);
    }
}
