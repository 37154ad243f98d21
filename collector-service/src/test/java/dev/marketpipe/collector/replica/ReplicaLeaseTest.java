package dev.marketpipe.collector.replica;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.schedule.LiveCollector;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.MutableClock;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.Management;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Symbol leases in the collector schema: a fair share per live instance, disjoint sets, take-over of a dead one. */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class ReplicaLeaseTest {

    private static final String OTHER = "other-replica-test";

    WireMockServer wireMock;

    @Inject
    SymbolOwnership ownership;

    @Inject
    LiveCollector live;

    @Inject
    DataSource dataSource;

    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void reset() {
        ApiStubs.reset(wireMock);
        QuarkusMock.installMockForType(clock, MarketClock.class);
    }

    @AfterEach
    void removeTheOtherInstance() throws SQLException {
        sql("UPDATE symbol_lease SET owner = NULL, expires_at = '-infinity' WHERE owner = '" + OTHER + "'");
        sql("DELETE FROM collector_instance WHERE instance_id = '" + OTHER + "'");
        ownership.renew();
    }

    @Test
    void aLoneInstanceHoldsEverySymbol() {
        ownership.renew();
        JsonPath leases = given().when().get("/v1/leases").then().statusCode(200).extract().jsonPath();
        assertEquals(20, leases.getList("owned").size());
        String me = leases.getString("instance");
        assertEquals(List.of(me), leases.getList("leases.owner").stream().distinct().toList());
        assertTrue(leases.getList("leases.live", Boolean.class).stream().allMatch(b -> b));
        given().when().get(Management.url("/q/metrics")).then().body(containsString("marketpipe_collector_replica_symbols_owned 20.0"));
    }

    @Test
    void twoLiveInstancesSplitTheSymbolsAndEachCollectsOnlyItsOwn() throws SQLException {
        sql("INSERT INTO collector_instance (instance_id, expires_at) VALUES ('" + OTHER + "', now() + interval '1 minute')");
        ownership.renew();
        List<String> mine = ownership.owned();
        assertEquals(10, mine.size(), "a fair share of 20 symbols between two instances");
        // the other instance takes what was released
        sql("UPDATE symbol_lease SET owner = '" + OTHER + "', expires_at = now() + interval '1 minute' WHERE owner IS NULL");

        JsonPath leases = given().when().get("/v1/leases").then().statusCode(200).extract().jsonPath();
        List<String> owners = leases.getList("leases.owner");
        assertEquals(10, owners.stream().filter(OTHER::equals).count());
        assertEquals(10, owners.stream().filter(ownership.instanceId()::equals).count());

        clock.now = Instant.parse("2025-03-04T02:05:05Z");
        live.collectLastCompletedBar();
        List<LoggedRequest> requests = wireMock.findAll(getRequestedFor(urlPathEqualTo("/market/data")));
        Set<String> fetched = new HashSet<>();
        requests.forEach(r -> fetched.add(r.queryParameter("symbol").firstValue()));
        assertEquals(10, requests.size(), "one request per own symbol, none for the other instance's");
        assertEquals(Set.copyOf(mine), fetched);
    }

    @Test
    void aDeadInstancesSymbolsAreTakenOverOnceItsLeasesExpire() throws SQLException {
        sql("INSERT INTO collector_instance (instance_id, expires_at) VALUES ('" + OTHER + "', now() + interval '1 minute')");
        ownership.renew();
        sql("UPDATE symbol_lease SET owner = '" + OTHER + "', expires_at = now() + interval '1 minute' WHERE owner IS NULL");
        assertEquals(10, ownership.owned().size());
        ownership.renew();
        assertEquals(10, ownership.owned().size(), "leases held by a live instance are never taken");

        // the other instance stops renewing: its heartbeat and leases run out
        sql("UPDATE collector_instance SET expires_at = now() - interval '1 second' WHERE instance_id = '" + OTHER + "'");
        sql("UPDATE symbol_lease SET expires_at = now() - interval '1 second' WHERE owner = '" + OTHER + "'");
        ownership.renew();
        assertEquals(20, ownership.owned().size());
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
