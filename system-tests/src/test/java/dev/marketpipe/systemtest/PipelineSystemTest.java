package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.simulator.market.Corruption;
import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole pipeline as production runs it: PostgreSQL, the market simulator and the four packaged services as
 * separate processes over real HTTP. A backfill of several symbols × days must land in the database exactly as
 * the simulator's ground truth says, with every corrupted bar in quarantine (with its reason) and nowhere else;
 * running the same backfill again must double nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineSystemTest {

    private static final long SEED = 7;
    private static final double INVALID_FRACTION = 0.03;
    private static final List<String> SYMBOLS = List.of("005930", "000660", "035420");
    /** The simulator's universe: the account's portfolio and orders span it. */
    private static final List<String> UNIVERSE = List.of("005930", "000660", "035420", "005380", "051910", "006400",
            "035720", "000270", "068270", "105560");
    /** The simulated account's number: it must never show in a log line or an archive file name. */
    private static final String ACCOUNT_NUMBER = "98765432-01";
    /** The simulator's app secret, which the collector uses (demo credentials). */
    private static final String APP_SECRET = "demo-app-secret";
    /** The database password the stages are given (the throwaway cluster trusts local connections anyway). */
    private static final String DB_PASSWORD = "pg-Secret-7c41e9";
    private static final LocalDate FROM = LocalDate.parse("2025-03-10");
    private static final LocalDate TO = LocalDate.parse("2025-03-12");
    private static final LocalDate DAILY_TO = LocalDate.parse("2025-03-14");
    private static final Map<Corruption, String> RULE_OF = Map.of(
            Corruption.HIGH_BELOW_LOW, "ohlc_inconsistent",
            Corruption.NEGATIVE_VOLUME, "volume_negative",
            Corruption.MISSING_FIELD, "missing_field",
            Corruption.OUT_OF_SESSION, "outside_session");

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final MarketCalendar CALENDAR = MarketCalendar.krx();
    private static final BarGenerator TRUTH = new BarGenerator(SEED, CALENDAR, INVALID_FRACTION);

    private static Pipeline pipeline;
    private static Path work;
    private static Path archiveRoot;
    private static ThrowawayPostgres postgres;
    private static List<ServiceProcess> services;
    private static ServiceProcess collector;
    private static ServiceProcess loader;
    private static int batchesSoFar;

    @BeforeAll
    static void startPipeline() throws Exception {
        // scheduled jobs would add batches during KRX hours and break exact counts: the test drives collection
        // itself (backfills, and POST /v1/collections/{type}/run for order books and account data)
        pipeline = Pipeline.setUp("system-test", SEED, INVALID_FRACTION)
                .simulator(Map.of(
                        "MARKETPIPE_SIMULATOR_SYMBOLS", String.join(",", UNIVERSE),
                        "MARKETPIPE_SIMULATOR_ACCOUNT_NUMBER", ACCOUNT_NUMBER))
                .loader(Map.of("MARKETPIPE_DB_PASSWORD", DB_PASSWORD))
                .collectors(List.of(Map.of(
                        "MARKETPIPE_DB_PASSWORD", DB_PASSWORD,
                        "MARKETPIPE_COLLECTOR_SYMBOLS", String.join(",", SYMBOLS))))
                .start();
        work = pipeline.work;
        archiveRoot = pipeline.archiveRoot;
        postgres = pipeline.postgres;
        services = pipeline.services();
        collector = pipeline.collectors.get(0);
        loader = pipeline.loader;
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        pipeline.close();
    }

    @Test
    @Order(1)
    void backfillLandsExactlyTheGroundTruth() throws Exception {
        runBackfillsAndAwaitLoad();

        for (String symbol : SYMBOLS) {
            for (LocalDate day : CALENDAR.tradingDays(FROM, TO)) {
                assertTableEqualsTruth(symbol, BarInterval.ONE_MINUTE, day);
            }
            for (LocalDate day : CALENDAR.tradingDays(FROM, DAILY_TO)) {
                assertTableEqualsTruth(symbol, BarInterval.ONE_DAY, day);
            }
        }
        assertQuarantineHoldsEveryCorruptedBar();
        assertEquals(batchesSoFar, archiveFiles(), "one archive file per API response");
        System.out.printf("system test: %d one-minute and %d daily bars equal the ground truth, %d quarantined, %d archive files%n",
                count("SELECT count(*) FROM market_data_1min"), count("SELECT count(*) FROM market_data_daily"),
                count("SELECT count(*) FROM quarantine"), archiveFiles());
    }

    @Test
    @Order(2)
    void dailyReportCountsWhatTheSimulatorInjected() throws Exception {
        int checkedDays = 0;
        for (LocalDate day : CALENDAR.tradingDays(FROM, TO)) {
            JsonNode report = JSON.readTree(get(loader.baseUrl() + "/v1/reports/daily?date=" + day + "&interval=1m"));
            long expected = CALENDAR.barStarts(day, BarInterval.ONE_MINUTE).size();
            assertEquals(expected, report.path("expectedBars").asLong(), day + " expected bars");
            long missingOverall = 0;
            for (String symbol : SYMBOLS) {
                Map<String, Integer> injected = new TreeMap<>();
                countCorrupted(injected, symbol, BarInterval.ONE_MINUTE, day);
                long corrupted = injected.values().stream().mapToLong(Integer::longValue).sum();
                JsonNode row = symbolRow(report, symbol);
                String where = symbol + " " + day;
                assertEquals(expected - corrupted, row.path("storedBars").asLong(), where + " stored");
                assertEquals(corrupted, row.path("missingBars").asLong(), where + " missing: each corrupted slot");
                assertEquals(corrupted, row.path("quarantined").asLong(), where + " quarantined");
                Map<String, Integer> reported = new TreeMap<>();
                row.path("quarantinedByReason").fields().forEachRemaining(reason -> {
                    if (RULE_OF.containsValue(reason.getKey())) {
                        reported.put(symbol + " 1m " + reason.getKey(), reason.getValue().asInt());
                    }
                });
                assertEquals(injected, reported, where + " quarantined by reason");
                missingOverall += corrupted;
                checkedDays++;
            }
            assertEquals(missingOverall, report.path("kpis").path("missingIntervals").path("value").asLong(),
                    day + " missing intervals KPI: " + report.path("kpis"));
        }
        assertEquals(SYMBOLS.size() * CALENDAR.tradingDays(FROM, TO).size(), checkedDays);
    }

    @Test
    @Order(3)
    void everyServiceIsHealthy() {
        for (ServiceProcess service : services) {
            assertEquals(200, service.status("/q/health/live"), "live " + service.baseUrl());
            assertEquals(200, service.status("/q/health/ready"), "ready " + service.baseUrl());
            assertEquals(200, service.status("/q/metrics"), "metrics " + service.baseUrl());
        }
    }

    @Test
    @Order(4)
    void runningTheSameBackfillAgainDoublesNothing() throws Exception {
        String marketBefore = marketChecksum();
        long quarantineBefore = count("SELECT count(*) FROM quarantine");

        runBackfillsAndAwaitLoad();

        assertEquals(marketBefore, marketChecksum(), "market tables (values and updated_at) unchanged");
        assertEquals(quarantineBefore, count("SELECT count(*) FROM quarantine"), "no quarantine row doubled");
        assertEquals(batchesSoFar, archiveFiles(), "the second run's responses are archived too, none overwritten");
    }

    @Test
    @Order(5)
    void orderBooksAndAccountDataLandAsTheSimulatorServedThem() throws Exception {
        long logRowsBefore = count("SELECT count(*) FROM data_collection_log");
        int pages = 0;
        for (String run : List.of("orderbook", "account_info", "positions",
                "orders?from=" + FROM + "&to=" + TO)) {
            HttpResponse<String> response = HTTP.send(Requests.to(
                    URI.create(collector.baseUrl() + "/v1/collections/" + run.replace("?", "/run?")
                            + (run.contains("?") ? "" : "/run")))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), run + ": " + response.body());
            pages += JSON.readTree(response.body()).path("pages").asInt();
        }
        assertEquals(SYMBOLS.size() + 3, pages, "one answer per order book, one each for the account types");
        long expectedRows = logRowsBefore + pages;
        await("every order-book and account batch loaded").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> count("SELECT count(*) FROM data_collection_log") == expectedRows);

        AccountTruth truth = new AccountTruth(TRUTH, UNIVERSE, ACCOUNT_NUMBER);
        truth.assertOrderBooks(postgres, SYMBOLS);
        truth.assertAccount(postgres);
        truth.assertPositions(postgres);
        truth.assertOrders(postgres, CALENDAR.tradingDays(FROM, TO));
        assertEquals(0, count("SELECT count(*) FROM quarantine WHERE data_type <> 'market_data'"),
                "nothing of the clean account data quarantined");
        assertTrue(archiveFileNames().stream().anyMatch(n -> n.matches("account_info_\\d{8}_\\d{6}\\.json")),
                "account_info archived without symbol: " + archiveFileNames());

        String digits = ACCOUNT_NUMBER.replace("-", "");
        for (String name : archiveFileNames()) {
            assertTrue(!name.contains(ACCOUNT_NUMBER) && !name.contains(digits), "account number in file name " + name);
        }
        try (Stream<Path> files = Files.walk(work.resolve("logs"))) {
            for (Path log : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(log);
                assertTrue(!text.contains(ACCOUNT_NUMBER) && !text.contains(ACCOUNT_NUMBER.substring(0, 8)),
                        "account number in clear in " + log);
            }
        }
        System.out.printf("system test: %d order books, %d account snapshots, %d positions, %d orders equal what the simulator served%n",
                count("SELECT count(*) FROM orderbook_snapshot"), count("SELECT count(*) FROM account_snapshot"),
                count("SELECT count(*) FROM position_snapshot"), count("SELECT count(*) FROM order_history"));
    }

    // --- scenario steps ----------------------------------------------------------------------------------------

    /**
     * The collection metrics and KPIs, as docs/MONITORING.md lists them, after real work (the backfills and
     * snapshot runs above): each stage exports its metrics, the API response histogram has buckets at the 500 ms
     * target and the 2 s alert threshold, and {@code promtool check metrics} finds nothing to lint in any service.
     */
    @Test
    @Order(6)
    void everyServiceExportsItsSpecMetricsAndPromtoolFindsNothingToLint() throws Exception {
        Map<String, List<String>> expected = Map.of(
                "collector-service", List.of("marketpipe_collector_records_collected_total",
                        "marketpipe_collector_collections_total", "marketpipe_collector_api_requests_total",
                        "marketpipe_collector_api_response_seconds_bucket",
                        "marketpipe_collector_api_response_seconds_sum",
                        "marketpipe_collector_api_response_seconds_count", "marketpipe_collector_spool_batches",
                        "marketpipe_collector_spool_refused_total", "marketpipe_collector_spool_dead_total"),
                "archive-service", List.of("marketpipe_archive_batches_archived_total",
                        "marketpipe_archive_outbox_backlog_batches", "marketpipe_archive_outbox_oldest_age_seconds",
                        "marketpipe_archive_batches_forwarded_total", "marketpipe_archive_outbox_dead_total"),
                "validator-service", List.of("marketpipe_validator_records_total",
                        "marketpipe_validator_quality_score_ratio", "marketpipe_validator_issues_total"),
                "loader-service", List.of("marketpipe_loader_records_received_total",
                        "marketpipe_loader_rows_changed_total", "marketpipe_loader_load_duration_seconds_bucket",
                        "marketpipe_loader_missing_intervals", "marketpipe_loader_database_faults_total"),
                "market-simulator", List.of());
        Optional<Path> promtool = PromtoolMetricsCheck.promtool();
        Map<String, String> lint = new TreeMap<>();
        Path scrapes = Files.createDirectories(work.resolve("metrics"));
        for (ServiceProcess service : services) {
            String metrics = PromtoolMetricsCheck.scrape(service.managementUrl());
            Files.writeString(scrapes.resolve(service.name() + ".prom"), metrics); // to read when this fails
            for (String name : expected.get(service.name())) {
                assertFalse(series(metrics, name).isEmpty(), service.name() + " exports " + name);
            }
            if (promtool.isPresent()) {
                String problems = PromtoolMetricsCheck.lint(promtool.get(), metrics);
                if (!problems.isEmpty()) {
                    lint.put(service.name(), problems);
                }
            }
        }
        String metrics = PromtoolMetricsCheck.scrape(collector.managementUrl());
        assertSeries(metrics, "marketpipe_collector_records_collected_total", "data_type=\"market_data\"",
                "interval=\"1m\"");
        assertSeries(metrics, "marketpipe_collector_collections_total", "data_type=\"market_data\"",
                "outcome=\"success\"", "error_type=\"none\"");
        assertSeries(metrics, "marketpipe_collector_api_response_seconds_bucket", "le=\"0.5\"");
        assertSeries(metrics, "marketpipe_collector_api_response_seconds_bucket", "le=\"2.0\"");
        assumeTrue(promtool.isPresent(), "promtool is not installed here (CI installs it: .ci/ops-checks.sh)");
        assertEquals(Map.of(), lint, "promtool check metrics");
    }

    /** The exposition's sample lines of {@code name}. */
    private static List<String> series(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " ")).toList();
    }

    /** Asserts a series of {@code name} with every one of {@code labels} ({@code key="value"}) exists. */
    /**
     * After the backfills and the account runs above: the securities API's app secret, the database password, any
     * bearer token (a JWT starts {@code eyJ}) and the account number in clear appear in no log line of a stage, no
     * metric, no archive file name and no file the archive and the collector keep besides the raw responses (the
     * spec keeps those as received; docs/SECURITY.md). The simulator's own log is the securities API's, not ours.
     */
    @Test
    @Order(7)
    void noSecretReachesALogLineAMetricAFileNameOrAKeptFile() throws Exception {
        List<String> secrets = List.of(APP_SECRET, DB_PASSWORD, "eyJ", ACCOUNT_NUMBER,
                ACCOUNT_NUMBER.replace("-", ""));
        List<String> found = new ArrayList<>();
        int searched = 0;
        try (Stream<Path> files = Files.walk(work.resolve("logs"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.getFileName().toString().startsWith("market-simulator") || file.toString().contains("jwt-keys")) {
                    continue;
                }
                searched++;
                collect(found, file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1), secrets);
            }
        }
        try (Stream<Path> files = Files.walk(archiveRoot)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                searched++;
                collect(found, "file name " + file, archiveRoot.relativize(file).toString(), secrets);
                if (!archiveRoot.relativize(file).startsWith("raw")) {
                    collect(found, file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1), secrets);
                }
            }
        }
        for (ServiceProcess service : services) {
            searched++;
            collect(found, service.name() + " /q/metrics", PromtoolMetricsCheck.scrape(service.managementUrl()), secrets);
        }
        assertTrue(found.isEmpty(), "secrets found: " + found);
        System.out.printf("system test: %d logs, files and metric pages searched for %d secrets: 0 found%n", searched,
                secrets.size());
    }

    private static void collect(List<String> found, String where, String text, List<String> secrets) {
        for (String secret : secrets) {
            if (text.contains(secret)) {
                found.add(where + " holds " + (secret.length() > 4 ? secret.substring(0, 4) + "…" : secret));
            }
        }
    }

    private static void assertSeries(String metrics, String name, String... labels) {
        List<String> lines = series(metrics, name);
        assertTrue(lines.stream().anyMatch(line -> Stream.of(labels).allMatch(line::contains)),
                name + " with " + List.of(labels) + " among " + lines);
    }

    private void runBackfillsAndAwaitLoad() throws Exception {
        List<String> jobs = List.of(Pipeline.startBackfill(collector, SYMBOLS, "1m", FROM, TO),
                Pipeline.startBackfill(collector, SYMBOLS, "1d", FROM, DAILY_TO));
        int batches = 0;
        for (String job : jobs) {
            JsonNode status = Pipeline.awaitJobEnd(job, Duration.ofSeconds(120));
            assertEquals("SUCCEEDED", status.path("state").asText(), "backfill " + status);
            batches += status.path("batches").asInt();
        }
        batchesSoFar += batches;
        int expected = batchesSoFar;
        await("every batch loaded").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("SELECT count(*) FROM data_collection_log") == expected);
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(Requests.to(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }

    private static JsonNode symbolRow(JsonNode report, String symbol) {
        for (JsonNode row : report.path("symbols")) {
            if (symbol.equals(row.path("symbol").asText())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + symbol + " in " + report);
    }

    // --- assertions ---------------------------------------------------------------------------------------------

    private void assertTableEqualsTruth(String symbol, BarInterval interval, LocalDate day) throws SQLException {
        new GroundTruth(TRUTH).assertStoredEqualsTruth(postgres, symbol, interval, day);
    }

    private void assertQuarantineHoldsEveryCorruptedBar() throws SQLException {
        Map<String, Integer> expected = new TreeMap<>();
        for (String symbol : SYMBOLS) {
            for (LocalDate day : CALENDAR.tradingDays(FROM, TO)) {
                countCorrupted(expected, symbol, BarInterval.ONE_MINUTE, day);
            }
            for (LocalDate day : CALENDAR.tradingDays(FROM, DAILY_TO)) {
                countCorrupted(expected, symbol, BarInterval.ONE_DAY, day);
            }
        }
        assertTrue(expected.values().stream().mapToInt(Integer::intValue).sum() > 10,
                "the seed must corrupt enough bars to exercise quarantine: " + expected);
        Map<String, Integer> stored = new TreeMap<>();
        try (Connection db = postgres.connect(); ResultSet rows = db.createStatement().executeQuery(
                "SELECT symbol, interval, r->>'rule' AS rule, count(*) FROM quarantine, jsonb_array_elements(reasons) r "
                        + "WHERE r->>'rule' IN ('ohlc_inconsistent','volume_negative','missing_field','outside_session') "
                        + "GROUP BY 1, 2, 3")) {
            while (rows.next()) {
                stored.put(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3), rows.getInt(4));
            }
        }
        assertEquals(expected, stored, "every corrupted bar quarantined with its reason");
    }

    private void countCorrupted(Map<String, Integer> counts, String symbol, BarInterval interval, LocalDate day) {
        for (Instant start : CALENDAR.barStarts(day, interval)) {
            Corruption corruption = TRUTH.corruption(symbol, interval, start);
            if (corruption != Corruption.NONE) {
                counts.merge(symbol + " " + interval.code() + " " + RULE_OF.get(corruption), 1, Integer::sum);
            }
        }
    }

    // --- database and archive -------------------------------------------------------------------------------------

    private String marketChecksum() throws SQLException {
        StringBuilder all = new StringBuilder();
        for (String sql : List.of(
                "SELECT md5(string_agg(concat_ws('|', symbol, timestamp, open, high, low, close, volume, value, updated_at), ',' ORDER BY symbol, timestamp)) FROM market_data_1min",
                "SELECT md5(string_agg(concat_ws('|', symbol, date, open, high, low, close, volume, value, adj_close, updated_at), ',' ORDER BY symbol, date)) FROM market_data_daily")) {
            try (Connection db = postgres.connect(); ResultSet rows = db.createStatement().executeQuery(sql)) {
                rows.next();
                all.append(rows.getString(1)).append(' ');
            }
        }
        return all.toString();
    }

    private long count(String sql) throws SQLException {
        try (Connection db = postgres.connect(); ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long archiveFiles() throws IOException {
        try (Stream<Path> files = Files.walk(archiveRoot.resolve("raw"))) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json")).count();
        }
    }

    private List<String> archiveFileNames() throws IOException {
        try (Stream<Path> files = Files.walk(archiveRoot.resolve("raw"))) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }
}
