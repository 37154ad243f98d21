package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backup provider, with real processes: two market simulators (the second one the backup, with credentials of
 * its own), the four services and PostgreSQL. The primary answers 503 to every market request: collection goes on
 * from the backup and the database still equals the ground truth, with every batch (bars, order books, account)
 * saying it came from the backup;
 * the primary recovers: collection returns to it; a discrepancy planted in the backup is found by reconciliation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverSystemTest {

    private static final long SEED = 11;
    private static final List<String> SYMBOLS = List.of("005930", "000660");
    private static final LocalDate FROM = LocalDate.parse("2025-03-10");
    private static final LocalDate TO = LocalDate.parse("2025-03-11");
    private static final LocalDate DAILY_TO = LocalDate.parse("2025-03-14");
    private static final LocalDate AFTER_FAILBACK = LocalDate.parse("2025-03-12");

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final MarketCalendar CALENDAR = MarketCalendar.krx();
    private static final BarGenerator TRUTH = new BarGenerator(SEED, CALENDAR, 0.0);

    private static Pipeline pipeline;
    private static Path archiveRoot;
    private static ThrowawayPostgres postgres;
    private static ServiceProcess primary;
    private static ServiceProcess backup;
    private static ServiceProcess collector;
    private static int batches;

    @BeforeAll
    static void startPipeline() throws Exception {
        pipeline = Pipeline.setUp("failover-test", SEED, 0.0)
                .backupSimulator(Map.of(
                        "MARKETPIPE_SIMULATOR_APP_KEY", "backup-app-key",
                        "MARKETPIPE_SIMULATOR_APP_SECRET", "backup-app-secret"))
                .collectors(List.of(Map.of(
                        "MARKETPIPE_COLLECTOR_API_NAME", "simulator",
                        "MARKETPIPE_COLLECTOR_BACKUP_API_NAME", "simulator-backup",
                        "MARKETPIPE_COLLECTOR_BACKUP_API_APP_KEY", "backup-app-key",
                        "MARKETPIPE_COLLECTOR_BACKUP_API_APP_SECRET", "backup-app-secret",
                        "MARKETPIPE_COLLECTOR_FAILOVER_ENABLED", "true",
                        "MARKETPIPE_COLLECTOR_FAILOVER_PROBE_INTERVAL", "1S",
                        "MARKETPIPE_COLLECTOR_SYMBOLS", String.join(",", SYMBOLS))))
                .start();
        archiveRoot = pipeline.archiveRoot;
        postgres = pipeline.postgres;
        primary = pipeline.simulator;
        backup = pipeline.backupSimulator;
        collector = pipeline.collectors.get(0);
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        pipeline.close();
    }

    @Test
    @Order(1)
    void whileThePrimaryFailsCollectionContinuesFromTheBackup() throws Exception {
        send(primary, "PUT", "/simulator/faults", "{\"status\":503,\"count\":1000000}", 200);

        batches += runBackfill("1m", FROM, TO) + runBackfill("1d", FROM, DAILY_TO);
        awaitLoaded(batches);

        for (String symbol : SYMBOLS) {
            for (LocalDate day : CALENDAR.tradingDays(FROM, TO)) {
                assertTableEqualsTruth(symbol, BarInterval.ONE_MINUTE, day);
            }
            for (LocalDate day : CALENDAR.tradingDays(FROM, DAILY_TO)) {
                assertTableEqualsTruth(symbol, BarInterval.ONE_DAY, day);
            }
        }
        assertEquals(batches, pipeline.count("SELECT count(*) FROM data_collection_log WHERE batch_id IS NOT NULL AND source = 'backup'"),
                "every loaded batch came from the backup");
        // the primary's failures (each then served by the backup) reach the collection log in the background
        await("primary failures in the collection log").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> pipeline.count("SELECT count(*) FROM data_collection_log WHERE batch_id IS NULL AND source = 'primary' "
                        + "AND status = 'warning' AND error_type = 'server_error' AND provider = 'simulator'") >= 3);
        try (Stream<Path> files = Files.walk(archiveRoot.resolve("raw"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode metadata = JSON.readTree(file.toFile()).path("metadata");
                assertEquals("backup", metadata.path("source").asText(), file.toString());
                assertEquals("simulator-backup", metadata.path("provider").asText(), file.toString());
            }
        }
        assertEquals(1.0, metric(collector, "marketpipe_collector_source_active"));
        assertTrue(metric(collector, "marketpipe_collector_api_alerts_total{type=\"server_error\"}") >= 3);
    }

    @Test
    @Order(2)
    void orderBooksAndAccountDataComeFromTheBackupToo() throws Exception {
        int pages = 0;
        for (String type : List.of("orderbook", "account_info")) {
            pages += JSON.readTree(send(collector, "POST", "/v1/collections/" + type + "/run", null, 200))
                    .path("pages").asInt();
        }
        assertEquals(SYMBOLS.size() + 1, pages, "one answer per order book, one account answer");
        batches += pages;
        awaitLoaded(batches);

        assertEquals(pages, pipeline.count("SELECT count(*) FROM data_collection_log WHERE batch_id IS NOT NULL "
                + "AND source = 'backup' "
                + "AND data_type IN ('orderbook', 'account_info')"), "the order books and the account came from the backup");
        new AccountTruth(TRUTH, SYMBOLS, null).assertOrderBooks(postgres, SYMBOLS);
        assertEquals(1, pipeline.count("SELECT count(*) FROM account_snapshot WHERE account_masked = '1234****-01'"));
        try (Stream<Path> files = Files.walk(archiveRoot.resolve("raw"))) {
            List<Path> snapshots = files
                    .filter(p -> p.getFileName().toString().matches("(orderbook|account_info)_.*\\.json")).toList();
            assertEquals(pages, snapshots.size(), snapshots.toString());
            for (Path file : snapshots) {
                JsonNode metadata = JSON.readTree(file.toFile()).path("metadata");
                assertEquals("backup", metadata.path("source").asText(), file.toString());
                assertEquals("simulator-backup", metadata.path("provider").asText(), file.toString());
            }
        }
    }

    @Test
    @Order(3)
    void whenThePrimaryRecoversCollectionSwitchesBack() throws Exception {
        send(primary, "DELETE", "/simulator/faults", null, 204);
        await("back on the primary").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> metric(collector, "marketpipe_collector_source_active") == 0.0);

        batches += runBackfill("1m", AFTER_FAILBACK, AFTER_FAILBACK);
        awaitLoaded(batches);
        for (String symbol : SYMBOLS) {
            assertTableEqualsTruth(symbol, BarInterval.ONE_MINUTE, AFTER_FAILBACK);
        }
        assertEquals(SYMBOLS.size(), pipeline.count("SELECT count(*) FROM data_collection_log WHERE batch_id IS NOT NULL "
                + "AND source = 'primary'"), "the batches after the failback came from the primary");
        assertTrue(metric(collector, "marketpipe_collector_source_switches_total{to=\"primary\"}") >= 1.0);
    }

    @Test
    @Order(4)
    void reconciliationFindsTheDiscrepancyPlantedInTheBackup() throws Exception {
        send(backup, "PUT", "/simulator/discrepancies",
                "{\"symbol\":\"005930\",\"date\":\"2025-03-12\",\"field\":\"close\",\"delta\":100}", 200);
        JsonNode report = JSON.readTree(send(collector, "POST", "/v1/reconciliation",
                "{\"from\":\"2025-03-10\",\"to\":\"2025-03-14\",\"symbols\":[\"005930\",\"000660\"]}", 200));

        assertEquals(10, report.path("compared").asInt(), report.toString());
        assertEquals(1, report.path("discrepancies").size(), report.toString());
        JsonNode found = report.path("discrepancies").get(0);
        Bar truth = TRUTH.trueBar("005930", BarInterval.ONE_DAY,
                CALENDAR.session(LocalDate.parse("2025-03-12")).orElseThrow().open());
        assertEquals("005930", found.path("symbol").asText());
        assertEquals("2025-03-12", found.path("date").asText());
        assertEquals("close", found.path("field").asText());
        assertEquals(truth.close().stripTrailingZeros().toPlainString(), found.path("primary").asText());
        assertEquals(truth.close().add(java.math.BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString(),
                found.path("backup").asText());
        assertEquals(report, JSON.readTree(send(collector, "GET", "/v1/reconciliation", null, 200)));
        assertEquals(1.0, metric(collector, "marketpipe_collector_reconciliation_discrepancies"));
    }

    // --- steps ----------------------------------------------------------------------------------------------------

    private int runBackfill(String interval, LocalDate from, LocalDate to) throws Exception {
        JsonNode status = Pipeline.awaitJobEnd(Pipeline.startBackfill(collector, SYMBOLS, interval, from, to),
                Duration.ofSeconds(180));
        assertEquals("SUCCEEDED", status.path("state").asText(), "backfill " + status);
        return status.path("batches").asInt();
    }

    private void awaitLoaded(int expected) {
        await("every batch loaded").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> pipeline.count("SELECT count(*) FROM data_collection_log WHERE batch_id IS NOT NULL") == expected);
    }

    private static String send(ServiceProcess service, String method, String path, String body, int expected)
            throws Exception {
        HttpRequest.Builder request = Requests.to(URI.create(service.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body();
    }

    /** The value of one Prometheus sample, e.g. {@code name} or {@code name{label="x"}}; -1 when absent. */
    private static double metric(ServiceProcess service, String sample) throws Exception {
        String text = HTTP.send(Requests.to(URI.create(service.managementUrl() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String name = sample.contains("{") ? sample.substring(0, sample.indexOf('{')) : sample;
        String labels = sample.contains("{") ? sample.substring(sample.indexOf('{') + 1, sample.length() - 1) : "";
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ") || (line.startsWith(name + "{") && line.contains(labels))) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    private void assertTableEqualsTruth(String symbol, BarInterval interval, LocalDate day) throws SQLException {
        new GroundTruth(TRUTH).assertStoredEqualsTruth(postgres, symbol, interval, day); // no corrupted bars here
    }
}
