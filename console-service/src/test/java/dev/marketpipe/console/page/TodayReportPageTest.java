package dev.marketpipe.console.page;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.marketpipe.console.signin.SignIns;
import dev.marketpipe.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code /today/report}: the loader's own daily-report page, passed through as the loader rendered it, under a
 * Content-Security-Policy that lets it run no script and load nothing.
 */
@QuarkusTest
@WithTestResource(StageWireMocks.class)
class TodayReportPageTest {

    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'";
    static final String LOADER_PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Daily report 2025-03-04</title>
            <style>td.missing { background: #c62828; }</style></head>
            <body><h1>Daily report 2025-03-04 (1m)</h1>
            <table id="heatmap"><tr><td class="missing">09:05</td></tr></table>
            </body></html>""";

    @StageWireMocks.InjectStages
    StageWireMocks.Stages stages;

    private final String token = TestTokens.token("kim", "operator");

    @BeforeEach
    void reset() {
        stages.resetAll();
    }

    @Test
    void theLoadersReportPageIsPassedThroughUnchangedUnderAStrictContentSecurityPolicy() {
        stages.loader().stubFor(get(urlPathEqualTo("/v1/reports/daily"))
                .withHeader("Accept", containing("text/html"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html;charset=UTF-8")
                        .withBody(LOADER_PAGE)));

        given().cookie(SignIns.COOKIE, token).when().get("/today/report?date=2025-03-04")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", equalTo(CSP))
                .body(equalTo(LOADER_PAGE));
        stages.loader().verify(getRequestedFor(urlPathEqualTo("/v1/reports/daily"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + token))
                .withQueryParam("date", WireMock.equalTo("2025-03-04"))
                .withQueryParam("interval", WireMock.equalTo("1m")));
    }

    @Test
    void aReportTheLoaderDoesNotHaveIsAnsweredWithItsStatusAndTheReasonEscaped() {
        stages.loader().stubFor(get(urlPathEqualTo("/v1/reports/daily")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"about:blank","title":"Not Found","status":404,
                         "detail":"no report of <2025-03-09>: not a trading day"}
                        """)));

        given().cookie(SignIns.COOKIE, token).when().get("/today/report?date=2025-03-09")
                .then().statusCode(404)
                .contentType(startsWith("text/html"))
                .body(containsString("the loader answered 404: no report of &lt;2025-03-09&gt;: not a trading day"))
                .body(not(containsString("<2025-03-09>")));
    }

    @Test
    void theReportNeedsASignedInPerson() {
        Redirect toSignIn = Redirect.of(given().redirects().follow(false).when().get("/today/report?date=2025-03-04")
                .then().extract());

        assertEquals("/signin", toSignIn.path());
        assertEquals("/today/report?date=2025-03-04", toSignIn.param("next"));
        stages.loader().verify(0, getRequestedFor(urlPathEqualTo("/v1/reports/daily")));
    }
}
