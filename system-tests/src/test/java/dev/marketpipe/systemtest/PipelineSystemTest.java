package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.simulator.market.Corruption;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static Path work;
    private static Path archiveRoot;
    private static ThrowawayPostgres postgres;
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess collector;
    private static int batchesSoFar;

    @BeforeAll
    static void startPipeline() throws Exception {
        Path root = Path.of(System.getProperty("marketpipe.repo.root", "..")).toAbsolutePath().normalize();
        work = root.resolve("system-tests/target/system-test");
        deleteRecursively(work);
        Files.createDirectories(work);
        archiveRoot = work.resolve("archive");
        postgres = ThrowawayPostgres.start(root, work.resolve("pg"), freePort());

        int simulatorPort = freePort();
        int loaderPort = freePort();
        int validatorPort = freePort();
        int archivePort = freePort();
        int collectorPort = freePort();
        Path logs = work.resolve("logs");
        ServiceProcess simulator = new ServiceProcess("market-simulator", root, simulatorPort, Map.of(
                "MARKETPIPE_SIMULATOR_SEED", String.valueOf(SEED),
                "MARKETPIPE_SIMULATOR_INVALID_FRACTION", String.valueOf(INVALID_FRACTION)), logs);
        ServiceProcess loader = new ServiceProcess("loader-service", root, loaderPort, Map.of(
                "MARKETPIPE_DB_URL", postgres.jdbcUrl()), logs);
        ServiceProcess validator = new ServiceProcess("validator-service", root, validatorPort, Map.of(
                "QUARKUS_REST_CLIENT_LOADER_URL", "http://127.0.0.1:" + loaderPort), logs);
        ServiceProcess archive = new ServiceProcess("archive-service", root, archivePort, Map.of(
                "MARKETPIPE_ARCHIVE_ROOT", archiveRoot.toString(),
                "QUARKUS_REST_CLIENT_VALIDATOR_URL", "http://127.0.0.1:" + validatorPort), logs);
        collector = new ServiceProcess("collector-service", root, collectorPort, Map.of(
                "MARKETPIPE_API_URL", "http://127.0.0.1:" + simulatorPort,
                "MARKETPIPE_ARCHIVE_URL", "http://127.0.0.1:" + archivePort,
                "MARKETPIPE_LOADER_URL", "http://127.0.0.1:" + loaderPort,
                "MARKETPIPE_COLLECTOR_LIVE_ENABLED", "false",
                "MARKETPIPE_DB_URL", postgres.jdbcUrl()), logs);
        services.addAll(List.of(simulator, loader, validator, archive, collector));
        for (ServiceProcess service : services) {
            service.start();
        }
        for (ServiceProcess service : services) {
            service.awaitReady();
        }
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        for (ServiceProcess service : services) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
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
    void everyServiceIsHealthy() {
        for (ServiceProcess service : services) {
            assertEquals(200, service.status("/q/health/live"), "live " + service.baseUrl());
            assertEquals(200, service.status("/q/health/ready"), "ready " + service.baseUrl());
            assertEquals(200, service.status("/q/metrics"), "metrics " + service.baseUrl());
        }
    }

    @Test
    @Order(3)
    void runningTheSameBackfillAgainDoublesNothing() throws Exception {
        String marketBefore = marketChecksum();
        long quarantineBefore = count("SELECT count(*) FROM quarantine");

        runBackfillsAndAwaitLoad();

        assertEquals(marketBefore, marketChecksum(), "market tables (values and updated_at) unchanged");
        assertEquals(quarantineBefore, count("SELECT count(*) FROM quarantine"), "no quarantine row doubled");
        assertEquals(batchesSoFar, archiveFiles(), "the second run's responses are archived too, none overwritten");
    }

    // --- scenario steps ----------------------------------------------------------------------------------------

    private void runBackfillsAndAwaitLoad() throws Exception {
        List<String> jobs = List.of(startBackfill("1m", FROM, TO), startBackfill("1d", FROM, DAILY_TO));
        int batches = 0;
        for (String job : jobs) {
            JsonNode status = awaitJob(job);
            assertEquals("SUCCEEDED", status.path("state").asText(), "backfill " + status);
            batches += status.path("batches").asInt();
        }
        batchesSoFar += batches;
        int expected = batchesSoFar;
        await("every batch loaded").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("SELECT count(*) FROM data_collection_log") == expected);
    }

    private String startBackfill(String interval, LocalDate from, LocalDate to) throws Exception {
        String body = JSON.writeValueAsString(Map.of("symbols", SYMBOLS, "interval", interval,
                "from", from.toString(), "to", to.toString()));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(collector.baseUrl() + "/v1/backfills"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private JsonNode awaitJob(String location) {
        return await("backfill " + location).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(location)).build(),
                        HttpResponse.BodyHandlers.ofString()).body()), status -> !"RUNNING".equals(status.path("state").asText()));
    }

    // --- assertions ---------------------------------------------------------------------------------------------

    private void assertTableEqualsTruth(String symbol, BarInterval interval, LocalDate day) throws SQLException {
        Map<Instant, Bar> expected = new TreeMap<>();
        for (Instant start : CALENDAR.barStarts(day, interval)) {
            if (TRUTH.corruption(symbol, interval, start) == Corruption.NONE) {
                expected.put(start, TRUTH.trueBar(symbol, interval, start));
            }
        }
        Map<Instant, Bar> stored = storedBars(symbol, interval, day);
        assertEquals(expected.keySet(), stored.keySet(), symbol + " " + interval.code() + " " + day + ": same bars");
        for (Map.Entry<Instant, Bar> entry : expected.entrySet()) {
            assertSameValues(entry.getValue(), stored.get(entry.getKey()));
        }
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

    private static void assertSameValues(Bar expected, Bar stored) {
        String at = expected.symbol() + " " + expected.timestamp();
        assertEquals(0, expected.open().compareTo(stored.open()), at + " open");
        assertEquals(0, expected.high().compareTo(stored.high()), at + " high");
        assertEquals(0, expected.low().compareTo(stored.low()), at + " low");
        assertEquals(0, expected.close().compareTo(stored.close()), at + " close");
        assertEquals(expected.volume(), stored.volume(), at + " volume");
        assertEquals(0, expected.value().compareTo(stored.value()), at + " value");
    }

    // --- database and archive -------------------------------------------------------------------------------------

    private Map<Instant, Bar> storedBars(String symbol, BarInterval interval, LocalDate day) throws SQLException {
        String sql = interval == BarInterval.ONE_DAY
                ? "SELECT date, open, high, low, close, volume, value FROM market_data_daily WHERE symbol = ? AND date = ?"
                : "SELECT timestamp, open, high, low, close, volume, value FROM market_data_1min "
                        + "WHERE symbol = ? AND timestamp >= ? AND timestamp < ?";
        Map<Instant, Bar> bars = new HashMap<>();
        try (Connection db = postgres.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, symbol);
            if (interval == BarInterval.ONE_DAY) {
                query.setObject(2, day);
            } else {
                query.setObject(2, day.atStartOfDay(CALENDAR.zone()).toOffsetDateTime());
                query.setObject(3, day.plusDays(1).atStartOfDay(CALENDAR.zone()).toOffsetDateTime());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant start = interval == BarInterval.ONE_DAY
                            ? CALENDAR.session(rows.getObject(1, LocalDate.class)).orElseThrow().open()
                            : rows.getObject(1, java.time.OffsetDateTime.class).toInstant();
                    bars.put(start, new Bar(start, symbol, rows.getBigDecimal(2), rows.getBigDecimal(3),
                            rows.getBigDecimal(4), rows.getBigDecimal(5), rows.getLong(6), rows.getBigDecimal(7)));
                }
            }
        }
        return bars;
    }

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
