package dev.marketpipe.collector.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.marketpipe.collector.provider.AccessTokens;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A manual run ({@code POST /v1/collections/{type}/run}) takes its rate-budget tokens at the priority its job's
 * schedule gives, not at a default: an operator's trigger must not jump ahead of High work, and the
 * schedule's own trigger must not be starved behind it.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class ManualRunPriorityTest {

    WireMockServer wireMock;

    @Inject
    MeterRegistry registry;

    @Inject
    AccessTokens tokens;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void stubs() {
        ApiStubs.reset(wireMock);
        wireMock.stubFor(get(urlPathEqualTo("/market/orderbook")).willReturn(okJson(ApiStubs.BOOK)));
        wireMock.stubFor(get(urlPathEqualTo("/positions")).willReturn(okJson(ApiStubs.POSITIONS)));
        breakers.resetAll();
        tokens.authorization();
    }

    @ParameterizedTest
    @CsvSource({"orderbook, low", "positions, medium"})
    void aManualRunTakesItsTokensAtTheJobsPriority(String dataType, String priority) {
        Map<String, Double> before = granted();

        given().post("/v1/collections/" + dataType + "/run").then().statusCode(200);

        Map<String, Double> after = granted();
        for (String level : new String[] {"high", "medium", "low"}) {
            double taken = after.get(level) - before.get(level);
            if (level.equals(priority)) {
                assertTrue(taken >= 1, "the " + dataType + " run took its tokens at " + level);
            } else {
                assertEquals(0, taken, "no " + level + " token for a " + priority + " job");
            }
        }
    }

    private Map<String, Double> granted() {
        return Stream.of("high", "medium", "low").collect(Collectors.toMap(Function.identity(),
                level -> registry.find("marketpipe.collector.budget.requests")
                        .tags("priority", level, "outcome", "granted").counters().stream()
                        .mapToDouble(Counter::count).sum()));
    }
}
