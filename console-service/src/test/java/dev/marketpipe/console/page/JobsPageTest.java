package dev.marketpipe.console.page;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.marketpipe.console.signin.SignIns;
import dev.marketpipe.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /jobs}: backfills and gap-fills started at the collector and replays at the archive, with the signed-in
 * person's token; a job's page refreshes itself while the job runs; a stage's refusal comes back as an error.
 */
@QuarkusTest
@WithTestResource(StageWireMocks.class)
class JobsPageTest {

    static final String JOB = """
            {"id":"%s","state":"%s","trigger":"manual","symbols":["005930","000660"],"interval":"1m",
             "from":"2025-03-04","to":"2025-03-05","requestsTotal":8,"requestsDone":%d,"records":%d,"batches":2,
             "errors":0,"lastError":null,"createdAt":"2025-03-06T01:00:00Z","finishedAt":%s}
            """;
    static final String REFRESH = "<meta http-equiv=\"refresh\" content=\"2\">";

    @StageWireMocks.InjectStages
    StageWireMocks.Stages stages;

    private final String token = TestTokens.token("kim", "operator");

    @BeforeEach
    void reset() {
        stages.resetAll();
    }

    @Test
    void aBackfillFromTheFormIsStartedAtTheCollectorAndItsPageShown() {
        stages.collector().stubFor(post(urlEqualTo("/v1/backfills")).willReturn(json(202,
                JOB.formatted("bf-7", "RUNNING", 0, 0, "null"))));

        Redirect started = Redirect.of(given().cookie(SignIns.COOKIE, token).redirects().follow(false)
                .formParam("symbols", "005930, 000660").formParam("interval", "1m")
                .formParam("from", "2025-03-04").formParam("to", "2025-03-05")
                .when().post("/jobs/backfills").then().extract());

        assertEquals("/jobs/backfills/bf-7", started.path());
        assertEquals("backfill started", started.param("notice"));
        stages.collector().verify(postRequestedFor(urlEqualTo("/v1/backfills"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(equalToJson("""
                        {"symbols":["005930","000660"],"interval":"1m","from":"2025-03-04","to":"2025-03-05"}
                        """)));
    }

    @Test
    void aReplayFromTheFormIsStartedAtTheArchiveForAllSymbolsWhenNoneAreGiven() {
        stages.archive().stubFor(post(urlEqualTo("/v1/replays")).willReturn(json(202, """
                {"id":"rp-1","state":"RUNNING","from":"2025-03-04","to":"2025-03-04","dataTypes":["market_data"],
                 "symbols":[],"batchesTotal":null,"batchesSent":0,"batchesFailed":0,"bars":0,"records":0}
                """)));

        Redirect started = Redirect.of(given().cookie(SignIns.COOKIE, token).redirects().follow(false)
                .formParam("symbols", " ").formParam("from", "2025-03-04").formParam("to", "2025-03-04")
                .when().post("/jobs/replays").then().extract());

        assertEquals("/jobs/replays/rp-1", started.path());
        assertEquals("replay started", started.param("notice"));
        stages.archive().verify(postRequestedFor(urlEqualTo("/v1/replays"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(equalToJson("""
                        {"from":"2025-03-04","to":"2025-03-04","dataTypes":["market_data"],"symbols":[]}
                        """)));
    }

    @Test
    void theCollectorsRefusalGoesBackToTheJobsPageWithItsDetail() {
        stages.collector().stubFor(post(urlEqualTo("/v1/backfills")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"about:blank","title":"Bad Request","status":400,"detail":"from must not be after to"}
                        """)));

        Redirect back = Redirect.of(given().cookie(SignIns.COOKIE, token).redirects().follow(false)
                .formParam("symbols", "005930").formParam("interval", "1m")
                .formParam("from", "2025-03-05").formParam("to", "2025-03-04")
                .when().post("/jobs/backfills").then().extract());

        assertEquals("/jobs", back.path());
        assertEquals("the collector answered 400: from must not be after to", back.param("error"));
        assertNull(back.param("notice"));
    }

    @Test
    void theJobPageOfARunningJobRefreshesItself() {
        stages.collector().stubFor(get(urlEqualTo("/v1/backfills/bf-8")).willReturn(okJson(
                JOB.formatted("bf-8", "RUNNING", 2, 130, "null"))));

        String page = job("/jobs/backfills/bf-8");

        assertTrue(page.contains(REFRESH), page);
        assertTrue(page.contains("data-state=\"RUNNING\""), page);
        assertTrue(page.contains("<progress max=\"100\" value=\"25\" aria-label=\"progress\">25 %</progress> 2 of 8"),
                page);
        assertTrue(page.contains("Cancel this backfill"), page);
        stages.collector().verify(getRequestedFor(urlEqualTo("/v1/backfills/bf-8"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void theJobPageOfAFinishedJobDoesNotRefresh() {
        stages.collector().stubFor(get(urlEqualTo("/v1/backfills/bf-9")).willReturn(okJson(
                JOB.formatted("bf-9", "SUCCEEDED", 8, 780, "\"2025-03-06T01:05:00Z\""))));

        String page = job("/jobs/backfills/bf-9");

        assertFalse(page.contains("http-equiv=\"refresh\""), page);
        assertTrue(page.contains("<span id=\"job-state\" class=\"badge SUCCEEDED\" data-state=\"SUCCEEDED\">"), page);
        assertTrue(page.contains("<td id=\"job-counts\">780 records in 2 batches, 0 windows failed</td>"), page);
        assertFalse(page.contains("Cancel this backfill"), page);
    }

    @Test
    void aJobTheCollectorDoesNotKnowGoesBackToTheJobsPageWithAnError() {
        stages.collector().stubFor(get(urlEqualTo("/v1/gapfills/nope")).willReturn(json(404, """
                {"type":"about:blank","title":"Not Found","status":404,"detail":"no gap-fill nope"}
                """)));

        Redirect back = Redirect.of(given().cookie(SignIns.COOKIE, token).redirects().follow(false)
                .when().get("/jobs/gapfills/nope").then().extract());

        assertEquals("/jobs", back.path());
        assertEquals("the collector answered 404: no gap-fill nope", back.param("error"));
    }

    @Test
    void theJobsListShowsBackfillsGapFillsAndReplaysNewestFirstAndRefreshesWhileOneRuns() {
        stages.collector().stubFor(get(urlPathEqualTo("/v1/backfills")).willReturn(okJson("["
                + JOB.formatted("bf-old", "SUCCEEDED", 8, 780, "\"2025-03-06T01:05:00Z\"") + "]")));
        stages.collector().stubFor(get(urlPathEqualTo("/v1/gapfills")).willReturn(okJson("["
                + JOB.formatted("gf-new", "RUNNING", 1, 10, "null").replace("2025-03-06T01:00:00Z",
                        "2025-03-06T02:00:00Z") + "]")));
        stages.archive().stubFor(get(urlPathEqualTo("/v1/replays")).willReturn(okJson("""
                [{"id":"rp-mid","state":"FAILED","from":"2025-03-04","to":"2025-03-04","dataTypes":["market_data"],
                  "symbols":[],"batchesTotal":4,"batchesSent":2,"batchesFailed":2,"bars":20,"records":20,
                  "lastError":"validator refused","startedAt":"2025-03-06T01:30:00Z",
                  "finishedAt":"2025-03-06T01:31:00Z"}]
                """)));

        String page = given().cookie(SignIns.COOKIE, token).when().get("/jobs")
                .then().statusCode(200).extract().asString();

        int newest = page.indexOf("<tr class=\"job\" data-id=\"gf-new\" data-state=\"RUNNING\">");
        int middle = page.indexOf("<tr class=\"job\" data-id=\"rp-mid\" data-state=\"FAILED\">");
        int oldest = page.indexOf("<tr class=\"job\" data-id=\"bf-old\" data-state=\"SUCCEEDED\">");
        assertTrue(newest >= 0 && middle > newest && oldest > middle, page);
        assertTrue(page.contains("<a href=\"/jobs/gapfills/gf-new\">"), page);
        assertTrue(page.contains("<td>2025-03-06 11:00:00 KST</td>"), "started, in KST: " + page);
        assertTrue(page.contains(REFRESH), page);
        assertFalse(page.contains("<p class=\"error\">"), page);
        stages.collector().verify(getRequestedFor(urlPathEqualTo("/v1/backfills"))
                .withHeader("Authorization", equalTo("Bearer " + token)).withQueryParam("limit", equalTo("25")));
        stages.archive().verify(getRequestedFor(urlPathEqualTo("/v1/replays"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void aStageThatRefusesTheListIsNamedAndTheOthersJobsAreStillListed() {
        stages.collector().stubFor(get(urlPathEqualTo("/v1/backfills")).willReturn(okJson("["
                + JOB.formatted("bf-1", "SUCCEEDED", 8, 780, "\"2025-03-06T01:05:00Z\"") + "]")));
        stages.collector().stubFor(get(urlPathEqualTo("/v1/gapfills")).willReturn(okJson("[]")));
        stages.archive().stubFor(get(urlPathEqualTo("/v1/replays")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"about:blank","title":"Forbidden","status":403,
                         "detail":"the token holds none of the roles this operation allows"}
                        """)));

        String page = given().cookie(SignIns.COOKIE, token).when().get("/jobs")
                .then().statusCode(200).extract().asString();

        assertTrue(page.contains("<p class=\"error\">the archive answered 403: "
                + "the token holds none of the roles this operation allows</p>"), page);
        assertTrue(page.contains("data-id=\"bf-1\""), page);
    }

    private String job(String path) {
        return given().cookie(SignIns.COOKIE, token).redirects().follow(false).when().get(path)
                .then().statusCode(200).extract().asString();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
