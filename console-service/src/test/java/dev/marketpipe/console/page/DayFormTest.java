package dev.marketpipe.console.page;

import dev.marketpipe.console.signin.SignIns;
import dev.marketpipe.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** The date and interval form that {@code /today} and {@code /bars} share keeps what the person chose. */
@QuarkusTest
@WithTestResource(StageWireMocks.class)
class DayFormTest {

    @StageWireMocks.InjectStages
    StageWireMocks.Stages stages;

    private final String token = TestTokens.token("kim", "operator");

    @BeforeEach
    void reset() {
        stages.resetAll();
        stages.loader().stubFor(get(urlPathEqualTo("/v1/reports/daily")).willReturn(aResponse().withStatus(404)));
        stages.loader().stubFor(get(urlPathEqualTo("/v1/bars")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
    }

    @Test
    void todaysFormShowsTheChosenDayAndInterval() {
        given().cookie(SignIns.COOKIE, token).when().get("/today?date=2025-03-04&interval=5m")
                .then().statusCode(200)
                .body(containsString("<label for=\"t-date\">KST date<input id=\"t-date\" name=\"date\" type=\"date\""
                        + " value=\"2025-03-04\"></label>"))
                .body(containsString("<select id=\"t-interval\" name=\"interval\">"))
                .body(containsString("<option selected>5m</option>"))
                .body(containsString("<option >1m</option>"));
    }

    @Test
    void theBarsFormShowsTheChosenDayAndInterval() {
        given().cookie(SignIns.COOKIE, token).when().get("/bars?symbol=005930&date=2025-03-04&interval=1d")
                .then().statusCode(200)
                .body(containsString("<input id=\"b-date\" name=\"date\" type=\"date\" value=\"2025-03-04\">"))
                .body(containsString("<select id=\"b-interval\" name=\"interval\">"))
                .body(containsString("<option selected>1d</option>"));
    }
}
