package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec §1 rate limits with replicas: two collector processes on one database share one provider budget, so the
 * simulator — which notes when each request arrives, as a provider's limit would — never sees more than the budget
 * within one second, although each replica alone would be allowed to send that much.
 */
class SharedRateBudgetSystemTest {

    private static final int BUDGET = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ThrowawayPostgres postgres;
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess simulator;
    private static ServiceProcess replicaA;
    private static ServiceProcess replicaB;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("marketpipe.repo.root", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("system-tests/target/rate-budget-test");
        deleteRecursively(work);
        Files.createDirectories(work);
        postgres = ThrowawayPostgres.start(root, work.resolve("pg"), freePort());
        int simulatorPort = freePort();
        int archivePort = freePort();
        simulator = new ServiceProcess("market-simulator", root, simulatorPort, Map.of(), work.resolve("logs"));
        ServiceProcess archive = new ServiceProcess("archive-service", root, archivePort, Map.of(
                "MARKETPIPE_ARCHIVE_ROOT", work.resolve("archive").toString(),
                // no validator here: archived batches wait in the outbox, which is all this test needs
                "QUARKUS_REST_CLIENT_VALIDATOR_URL", "http://127.0.0.1:" + freePort()), work.resolve("logs"));
        Map<String, String> collectorEnv = Map.of(
                "MARKETPIPE_API_URL", "http://127.0.0.1:" + simulatorPort,
                "MARKETPIPE_ARCHIVE_URL", "http://127.0.0.1:" + archivePort,
                "MARKETPIPE_COLLECTOR_LIVE_ENABLED", "false",
                "MARKETPIPE_COLLECTOR_BUDGET_REQUESTS_PER_SECOND", String.valueOf(BUDGET),
                "MARKETPIPE_DB_URL", postgres.jdbcUrl());
        replicaA = new ServiceProcess("collector-service", root, freePort(), collectorEnv, work.resolve("logs/replica-a"));
        replicaB = new ServiceProcess("collector-service", root, freePort(), collectorEnv, work.resolve("logs/replica-b"));
        services.addAll(List.of(simulator, archive, replicaA, replicaB));
        for (ServiceProcess service : services) {
            service.start();
        }
        for (ServiceProcess service : services) {
            service.awaitReady();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess service : services) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoCollectorReplicasTogetherNeverExceedTheBudgetAtTheProvider() throws Exception {
        send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/simulator/arrivals")).DELETE());
        double grantedBefore = granted(replicaA) + granted(replicaB);
        double grantedBeforeA = granted(replicaA);
        double grantedBeforeB = granted(replicaB);

        // each replica alone may send BUDGET requests a second; together they must share them
        String jobA = startBackfill(replicaA, List.of("005930", "000660"));
        String jobB = startBackfill(replicaB, List.of("035420", "005380"));
        for (String job : List.of(jobA, jobB)) {
            JsonNode status = awaitJob(job);
            assertEquals("SUCCEEDED", status.path("state").asText(), "backfill " + status);
        }

        JsonNode arrivals = JSON.readTree(send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/simulator/arrivals"))));
        long requests = arrivals.path("requests").asLong();
        int busiest = arrivals.path("busiestSecond").asInt();
        System.out.printf("rate budget system test: %d requests from two replicas, at most %d within one second (budget %d/s)%n",
                requests, busiest, BUDGET);
        assertTrue(requests >= 20, "both backfills' requests arrived: " + requests);
        assertTrue(busiest <= BUDGET, busiest + " requests arrived within one second");
        assertTrue(granted(replicaA) > grantedBeforeA && granted(replicaB) > grantedBeforeB, "both replicas were served");
        assertEquals(requests, granted(replicaA) + granted(replicaB) - grantedBefore, 0.0,
                "every request that arrived took a budget token first");
    }

    private static String startBackfill(ServiceProcess collector, List<String> symbols) throws Exception {
        String body = JSON.writeValueAsString(Map.of("symbols", symbols, "interval", "1m",
                "from", "2025-03-10", "to", "2025-03-14"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(collector.baseUrl() + "/v1/backfills"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static JsonNode awaitJob(String location) {
        return await("backfill " + location).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> JSON.readTree(send(HttpRequest.newBuilder(URI.create(location)))),
                        status -> !"RUNNING".equals(status.path("state").asText()));
    }

    /** Sum of the replica's granted budget tokens, all priorities, from its Prometheus endpoint. */
    private static double granted(ServiceProcess collector) throws Exception {
        String metrics = send(HttpRequest.newBuilder(URI.create(collector.baseUrl() + "/q/metrics")));
        return metrics.lines()
                .filter(line -> line.startsWith("marketpipe_collector_budget_requests_total{"))
                .filter(line -> line.contains("outcome=\"granted\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
