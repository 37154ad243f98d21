package dev.marketpipe.systemtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logs, with real processes in the prod profile: every service writes JSON lines, and one batch can be
 * followed by its {@code mdc.batchId} from the collector that fetched it, through the archive and the validator, to
 * the loader that stored it. Each log line is parsed with Jackson as production's log shipper would.
 */
class BatchLogTraceSystemTest {

    private static final List<String> SYMBOLS = List.of("005930", "000660");
    private static final List<String> SERVICES = List.of("collector", "archive", "validator", "loader");
    /** The collector's and the simulator's default app secret (application.properties): never in a log. */
    private static final String APP_SECRET = "demo-app-secret";

    private static Pipeline pipeline;

    @BeforeAll
    static void startPipeline() throws Exception {
        pipeline = Pipeline.start("system-test-log-trace", 11, 0.0,
                List.of(Map.of("MARKETPIPE_COLLECTOR_SYMBOLS", String.join(",", SYMBOLS))));
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void oneBatchIsFollowedByItsIdFromTheCollectorToTheLoaderInJsonLogs() throws Exception {
        HttpResponse<String> started = Pipeline.post(pipeline.collectors.get(0).baseUrl() + "/v1/backfills",
                Map.of("symbols", SYMBOLS, "interval", "1d", "from", "2025-02-03", "to", "2025-02-28"));
        assertEquals(202, started.statusCode(), started.body());
        await("the backfill's batches loaded").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> pipeline.count("SELECT count(*) FROM data_collection_log") >= SYMBOLS.size());

        Path logs = pipeline.archiveRoot.resolveSibling("logs");
        String loadedId = pipeline.text(
                "SELECT batch_id::text FROM data_collection_log WHERE batch_id IS NOT NULL ORDER BY batch_id LIMIT 1");

        await("every stage logged batch " + loadedId).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    for (String service : SERVICES) {
                        List<JsonNode> lines = jsonLines(logFile(logs, service));
                        List<JsonNode> tagged = lines.stream()
                                .filter(l -> loadedId.equals(l.path("mdc").path("batchId").asText())).toList();
                        assertFalse(tagged.isEmpty(), service + " logged nothing under batch " + loadedId);
                        for (JsonNode line : lines) {
                            if (line.path("message").asText().contains(loadedId)) {
                                assertEquals(loadedId, line.path("mdc").path("batchId").asText(),
                                        service + " names the batch without its id in the MDC: " + line);
                            }
                        }
                    }
                });
        Set<String> loaderIds = ids(jsonLines(logFile(logs, "loader")));
        Set<String> collectorIds = ids(jsonLines(logFile(logs, "collector")));
        assertTrue(collectorIds.containsAll(loaderIds), "every batch the loader logged was logged by the collector: "
                + loaderIds + " vs " + collectorIds);
        for (Path log : List.of(logs.resolve("market-simulator.log"), logFile(logs, "collector"),
                logFile(logs, "archive"), logFile(logs, "validator"), logFile(logs, "loader"))) {
            assertFalse(jsonLines(log).isEmpty(), log + " holds JSON lines");
            assertFalse(Files.readString(log).contains(APP_SECRET), "the API secret in clear in " + log);
        }
        System.out.printf("log trace: batch %s followed through %s; %d batch ids in the loader's log%n", loadedId,
                SERVICES, loaderIds.size());
    }

    private static Path logFile(Path logs, String service) {
        return service.equals("collector") ? logs.resolve("collector-0/collector-service.log")
                : logs.resolve(service + "-service.log");
    }

    private static Set<String> ids(List<JsonNode> lines) {
        return lines.stream().map(l -> l.path("mdc").path("batchId").asText()).filter(id -> !id.isEmpty())
                .collect(Collectors.toSet());
    }

    /**
     * Every complete line the service wrote, each parsed as a JSON object; a line that is not JSON fails the test.
     * The services are still running, so a last line without its line end may be half written: it is left out.
     */
    private static List<JsonNode> jsonLines(Path log) throws IOException {
        String text = Files.readString(log);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1); // after the last line end: empty, or a line still being written
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                nodes.add(Pipeline.JSON.readTree(line));
            } catch (JsonProcessingException e) {
                throw new AssertionError(log.getFileName() + " has a line that is not JSON: " + line, e);
            }
        }
        return nodes;
    }
}
