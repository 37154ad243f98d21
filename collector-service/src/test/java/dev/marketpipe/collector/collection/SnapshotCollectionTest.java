package dev.marketpipe.collector.collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.marketpipe.collector.provider.AccessTokens;
import dev.marketpipe.collector.provider.ProviderException;
import dev.marketpipe.collector.provider.SecuritiesApiClient;
import dev.marketpipe.collector.provider.SnapshotPage;
import dev.marketpipe.collector.provider.SnapshotQuery;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Order-book and account collection against a WireMock securities API and archive. */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class SnapshotCollectionTest {

    static final String ORDERS_PAGE_1 = """
            {"status":"success","data":[{"order_id":"20250304-005930-1","ordered_at":"2025-03-04T00:10:00Z",
             "symbol":"005930","side":"buy","quantity":10,"price":75000,"filled_quantity":10,"filled_price":75000,
             "status":"filled"}],
             "meta":{"account_number":"12345678-01","total_records":2,"page":1,"total_pages":2,"limit":1}}""";
    static final String ORDERS_PAGE_2 = """
            {"status":"success","data":[{"order_id":"20250304-000660-1","ordered_at":"2025-03-04T02:10:00Z",
             "symbol":"000660","side":"sell","quantity":4,"price":180000,"filled_quantity":0,"status":"cancelled"}],
             "meta":{"account_number":"12345678-01","total_records":2,"page":2,"total_pages":2,"limit":1}}""";

    private final ObjectMapper json = new ObjectMapper();

    WireMockServer wireMock;

    @Inject
    SecuritiesApiClient client;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    AccessTokens tokens;

    @BeforeEach
    void reset() {
        ApiStubs.reset(wireMock);
        wireMock.stubFor(get(urlPathEqualTo("/market/orderbook")).willReturn(okJson(ApiStubs.BOOK)));
        wireMock.stubFor(get(urlPathEqualTo("/account/info")).willReturn(okJson(ApiStubs.ACCOUNT)));
        wireMock.stubFor(get(urlPathEqualTo("/positions")).willReturn(okJson(ApiStubs.POSITIONS)));
        wireMock.stubFor(get(urlPathEqualTo("/orders/history")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(ORDERS_PAGE_1)));
        wireMock.stubFor(get(urlPathEqualTo("/orders/history")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(ORDERS_PAGE_2)));
        breakers.resetAll();
        tokens.authorization();
        wireMock.resetRequests();
    }

    private List<JsonNode> archivedBatches() throws Exception {
        List<JsonNode> batches = new java.util.ArrayList<>();
        for (LoggedRequest request : wireMock.findAll(postRequestedFor(urlEqualTo("/v1/batches")))) {
            batches.add(json.readTree(request.getBodyAsString()));
        }
        return batches;
    }

    @Test
    void orderBookRunArchivesOneSnapshotPerSymbol() throws Exception {
        given().post("/v1/collections/orderbook/run").then().statusCode(200)
                .body("dataType", is("orderbook"));
        List<JsonNode> batches = archivedBatches();
        assertFalse(batches.isEmpty());
        JsonNode batch = batches.get(0);
        assertEquals("orderbook", batch.path("dataType").asText());
        assertEquals("005930", batch.path("records").path("orderBooks").get(0).path("symbol").asText());
        assertEquals(75000, batch.path("records").path("orderBooks").get(0).path("bids").get(0).path("price").asInt());
        assertEquals("2025-03-04T01:00:10Z", batch.path("windowStart").asText());
        wireMock.verify(getRequestedFor(urlPathEqualTo("/market/orderbook"))
                .withHeader("Authorization", equalTo("Bearer tok-1")).withQueryParam("symbol", equalTo("005930")));
    }

    @Test
    void accountInfoIsArchivedWithoutSymbolAndWithTheNumberMaskedInItsRecord() throws Exception {
        given().post("/v1/collections/account_info/run").then().statusCode(200).body("records", is(1));
        JsonNode batch = archivedBatches().get(0);
        assertEquals("account_info", batch.path("dataType").asText());
        assertTrue(batch.path("symbol").isNull());
        JsonNode account = batch.path("records").path("accounts").get(0);
        assertEquals("1234****-01", account.path("accountMasked").asText());
        assertEquals(57500000, account.path("totalValue").asLong());
        String withoutRaw = ((com.fasterxml.jackson.databind.node.ObjectNode) batch.deepCopy()).without("rawResponse")
                .toString();
        assertFalse(withoutRaw.contains("12345678"), "only the raw response keeps the clear number: " + withoutRaw);
    }

    @Test
    void positionsCarryTheSnapshotInstant() throws Exception {
        given().post("/v1/collections/positions/run").then().statusCode(200);
        JsonNode position = archivedBatches().get(0).path("records").path("positions").get(0);
        assertEquals("2025-03-04T01:05:00Z", position.path("timestamp").asText());
        assertEquals(100, position.path("quantity").asInt());
    }

    @Test
    void orderHistoryFollowsEveryPageOfTheWindow() throws Exception {
        given().queryParam("from", "2025-03-04").queryParam("to", "2025-03-04")
                .post("/v1/collections/orders/run").then().statusCode(200)
                .body("pages", is(2)).body("records", is(2));
        wireMock.verify(getRequestedFor(urlPathEqualTo("/orders/history"))
                .withQueryParam("start_date", equalTo("2025-03-03T15:00:00Z"))
                .withQueryParam("end_date", equalTo("2025-03-04T15:00:00Z"))
                .withQueryParam("page", equalTo("2")));
        List<JsonNode> batches = archivedBatches();
        assertEquals(2, batches.size());
        assertEquals("20250304-000660-1", batches.get(1).path("records").path("orders").get(0).path("orderId").asText());
    }

    @Test
    void aServerErrorOnAnAccountEndpointIsRetriedLikeBars() {
        wireMock.stubFor(get(urlPathEqualTo("/account/info")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        wireMock.stubFor(get(urlPathEqualTo("/account/info")).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(okJson(ApiStubs.ACCOUNT)));
        SnapshotPage page = client.fetchSnapshot(SnapshotQuery.accountInfo(), new AtomicInteger());
        assertEquals(2, page.attempts());
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/account/info")));
    }

    @Test
    void aBadRequestIsNotRetriedAndTheErrorDoesNotNameTheAccount() {
        wireMock.stubFor(get(urlPathEqualTo("/positions")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"no such view\"}")));
        ProviderException e = assertThrows(ProviderException.Rejected.class,
                () -> client.fetchSnapshot(SnapshotQuery.positions(), new AtomicInteger()));
        assertFalse(e.getMessage().contains("12345678"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/positions")));
    }

    @Test
    void anUnknownDataTypeIsA404Problem() {
        given().post("/v1/collections/market_data/run").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aWindowOnAnotherTypeIsA400Problem() {
        given().queryParam("from", "2025-03-04").post("/v1/collections/positions/run").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
