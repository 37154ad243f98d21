package dev.marketpipe.collector.api;

import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class PlanResourceTest {

    @Test
    void plansTheWholeKrxUniverseUnderTheRealAccountBudget() {
        given().queryParam("symbols", 2700).queryParam("budget", 19)
                .when().get("/v1/plan")
                .then().statusCode(200)
                .body("symbols", equalTo(2700))
                .body("completeCoverage", equalTo(true))
                .body("status", equalTo("complete"))
                .body("lookbackMinutes", equalTo(30))
                .body("groups[0].cadenceSeconds", equalTo(158))
                .body("freshnessP99Minutes", lessThanOrEqualTo(3.0f));
    }

    @Test
    void paperAccountBudgetIsReportedAsDegraded() {
        given().queryParam("symbols", 2700).queryParam("budget", 2)
                .when().get("/v1/plan")
                .then().statusCode(200)
                .body("status", equalTo("degraded-freshness"))
                .body("freshnessTargetMet", equalTo(false));
    }

    @Test
    void withoutParametersPlansTheConfiguredSymbols() {
        given().when().get("/v1/plan")
                .then().statusCode(200)
                .body("symbols", equalTo(20));
    }

    @Test
    void badParametersAreProblems() {
        for (String[] bad : new String[][] {{"symbols", "0"}, {"symbols", "many"}, {"symbols", "100001"},
                {"budget", "-1"}, {"budget", "NaN"}, {"budget", "fast"}}) {
            given().queryParam(bad[0], bad[1])
                    .when().get("/v1/plan")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString(bad[0]));
        }
    }
}
