package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two collector processes: two packaged collectors on one database split the symbols through leases
 * (disjoint sets that cover all); after {@code kill -9} of one, the other holds every symbol within one lease
 * period and the next live cycle collects every symbol again, each exactly once.
 *
 * <p>The live job is driven through {@code POST /v1/live/run?at=…} (enabled by
 * {@code MARKETPIPE_COLLECTOR_CONTROL_LIVE_TRIGGER}): the same code the minute schedule runs, at a chosen market
 * time, because the test cannot wait for KRX trading hours. Leases use the real clock.
 */
class CollectorReplicaSystemTest {

    private static final Duration LEASE = Duration.ofSeconds(6);
    /** Awaitility polling and HTTP on top of the lease period itself. */
    private static final Duration SLACK = Duration.ofSeconds(1);
    private static final int SYMBOLS = 20;

    private static Pipeline pipeline;
    private static String simulator;

    @BeforeAll
    static void startPipeline() throws Exception {
        Map<String, String> common = Map.of(
                "MARKETPIPE_COLLECTOR_REPLICA_LEASE_DURATION", LEASE.toSeconds() + "S",
                "MARKETPIPE_COLLECTOR_REPLICA_RENEW_INTERVAL", "2S",
                "MARKETPIPE_COLLECTOR_REPLICA_EXPIRY_MARGIN", "1S",
                "MARKETPIPE_COLLECTOR_CONTROL_LIVE_TRIGGER", "true");
        List<Map<String, String>> env = new ArrayList<>();
        for (String id : List.of("collector-a", "collector-b")) {
            Map<String, String> one = new java.util.HashMap<>(common);
            one.put("MARKETPIPE_COLLECTOR_REPLICA_INSTANCE_ID", id);
            env.add(one);
        }
        pipeline = Pipeline.start("system-test-replicas", 7, 0.0, env);
        simulator = pipeline.simulator.baseUrl();
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void twoCollectorsSplitTheSymbolsAndTheSurvivorTakesOverAfterKillMinusNine() throws Exception {
        String a = pipeline.collectors.get(0).baseUrl();
        String b = pipeline.collectors.get(1).baseUrl();

        await("a fair split").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> owned(a).size() == SYMBOLS / 2 && owned(b).size() == SYMBOLS / 2);
        Set<String> ofA = owned(a);
        Set<String> ofB = owned(b);
        Set<String> all = new HashSet<>(ofA);
        all.addAll(ofB);
        assertTrue(ofA.stream().noneMatch(ofB::contains), "disjoint: " + ofA + " / " + ofB);
        assertEquals(SYMBOLS, all.size(), "together they cover every symbol");

        // one live cycle on both: every symbol fetched exactly once, by its owner
        Pipeline.delete(simulator + "/simulator/requests");
        Set<String> byA = liveCycle(a, "2025-03-11T01:05:05Z");
        Set<String> byB = liveCycle(b, "2025-03-11T01:05:05Z");
        assertEquals(ofA, byA);
        assertEquals(ofB, byB);
        assertEachSymbolFetchedOnce(all, "2025-03-11T01:04:00Z");

        // kill -9 a: no lease release, its leases simply stop being renewed
        long killed = System.nanoTime();
        pipeline.collectors.get(0).kill();
        await("b owns everything").atMost(LEASE.plus(SLACK)).pollInterval(Duration.ofMillis(100))
                .until(() -> owned(b).size() == SYMBOLS);
        System.out.printf("replica system test: survivor owned all %d symbols %d ms after kill -9 (lease %d s)%n",
                SYMBOLS, (System.nanoTime() - killed) / 1_000_000, LEASE.toSeconds());

        Pipeline.delete(simulator + "/simulator/requests");
        assertEquals(all, liveCycle(b, "2025-03-11T01:06:05Z"));
        assertEachSymbolFetchedOnce(all, "2025-03-11T01:05:00Z");
        await("the next minute stored for every symbol").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> pipeline.count("SELECT count(DISTINCT symbol) FROM market_data_1min"
                        + " WHERE timestamp = '2025-03-11T01:05:00Z'") == SYMBOLS);
    }

    private static Set<String> owned(String collector) throws Exception {
        Set<String> owned = new HashSet<>();
        Pipeline.get(collector + "/v1/leases").path("owned").forEach(s -> owned.add(s.asText()));
        return owned;
    }

    private static Set<String> liveCycle(String collector, String at) throws Exception {
        HttpResponse<String> response = Pipeline.post(collector + "/v1/live/run?at=" + at, null);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode run = Pipeline.JSON.readTree(response.body());
        Set<String> symbols = new HashSet<>();
        run.path("symbols").forEach(s -> symbols.add(s.asText()));
        return symbols;
    }

    private static void assertEachSymbolFetchedOnce(Set<String> symbols, String barStart) throws Exception {
        List<String> fetched = new ArrayList<>();
        Pipeline.get(simulator + "/simulator/requests?limit=100000").path("requests").forEach(r -> {
            if (r.path("path").asText().startsWith("/market/data")) {
                assertEquals(barStart, r.path("startDate").asText(), "the live bar: " + r);
                fetched.add(r.path("symbol").asText());
            }
        });
        assertEquals(symbols.size(), fetched.size(), "one request per symbol: " + fetched);
        assertEquals(symbols, new HashSet<>(fetched));
    }
}
