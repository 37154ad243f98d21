package dev.marketpipe.console.page;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Now page's alerts section, read from Alertmanager's API v2 when {@code marketpipe.console.alertmanager-url} is
 * set.
 */
@QuarkusTest
@WithTestResource(value = StageWireMocks.class,
        initArgs = @ResourceArg(name = StageWireMocks.ALERTMANAGER, value = "true"))
class NowPageAlertsTest {

    @StageWireMocks.InjectStages
    StageWireMocks.Stages stages;

    @BeforeEach
    void reset() {
        stages.resetAll();
    }

    @Test
    void theAlertsFiringAreListedWithTheirSeverityAndSummary() {
        stages.alertmanager().stubFor(get(urlPathEqualTo("/api/v2/alerts")).willReturn(okJson("""
                [{"labels":{"alertname":"MarketpipeOutboxBacklogOld","severity":"critical","service":"archive"},
                  "annotations":{"summary":"The archive's oldest batch has waited over 10 minutes"},
                  "startsAt":"2025-03-04T01:02:03.000Z","status":{"state":"active"}}]
                """)));

        String page = now();

        assertTrue(page.contains("<h2>Alerts firing</h2>"), page);
        assertTrue(page.contains("<td>MarketpipeOutboxBacklogOld</td><td>critical</td>"
                + "<td>The archive&#39;s oldest batch has waited over 10 minutes</td>"
                + "<td>2025-03-04 10:02:03 KST</td>"), page);
        stages.alertmanager().verify(getRequestedFor(urlPathEqualTo("/api/v2/alerts"))
                .withQueryParam("active", equalTo("true"))
                .withQueryParam("silenced", equalTo("false"))
                .withQueryParam("inhibited", equalTo("false")));
    }

    @Test
    void noAlertsFiringIsSaidSo() {
        stages.alertmanager().stubFor(get(urlPathEqualTo("/api/v2/alerts")).willReturn(okJson("[]")));

        String page = now();

        assertTrue(page.contains("<h2>Alerts firing</h2>"), page);
        assertTrue(page.contains("<p id=\"no-alerts\">None.</p>"), page);
    }

    @Test
    void anAlertmanagerThatFailsIsReportedOnThePageWhichStillShowsTheStages() {
        stages.alertmanager().stubFor(get(urlPathEqualTo("/api/v2/alerts")).willReturn(serverError()));

        String page = now();

        assertTrue(page.contains("<p class=\"error\">Alertmanager did not answer: "), page);
        assertFalse(page.contains("id=\"no-alerts\""), page);
        assertTrue(page.contains("id=\"stage-collector\""), page);
    }

    private static String now() {
        return given().when().get("/").then().statusCode(200).extract().asString();
    }
}
