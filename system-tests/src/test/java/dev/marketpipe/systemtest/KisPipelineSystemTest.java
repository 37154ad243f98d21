package dev.marketpipe.systemtest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pipeline on the KIS wire format: the simulator serves its market as the KIS Open API, the collector runs with
 * {@code provider=kis} (tokens, headers, newest-first pages, the cumulative traded value, 5-minute bars built from
 * minutes, {@code tr_cont} paging of the order history), and the database must equal the same ground truth as with
 * the spec API; a replay of a KIS day from the archive must rebuild the same rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KisPipelineSystemTest {

    private static final long SEED = 11;
    private static final double INVALID_FRACTION = 0.02;
    private static final List<String> SYMBOLS = List.of("005930", "000660", "035420");
    /** The simulator's default universe and account: the order history spans every symbol. */
    private static final List<String> UNIVERSE = List.of("005930", "000660", "035420", "005380", "051910", "006400",
            "035720", "000270", "068270", "105560", "055550", "012330", "028260", "066570", "003550", "096770",
            "017670", "034730", "015760", "032830");
    private static final String ACCOUNT = "12345678-01";
    private static final LocalDate FROM = LocalDate.parse("2025-03-10");
    private static final LocalDate TO = LocalDate.parse("2025-03-12");
    /** Two weeks of orders: more than one KIS page of 100. */
    private static final LocalDate ORDERS_FROM = LocalDate.parse("2025-03-04");
    private static final LocalDate ORDERS_TO = LocalDate.parse("2025-03-14");
    private static final MarketCalendar CALENDAR = MarketCalendar.krx();
    private static final BarGenerator MARKET = new BarGenerator(SEED, CALENDAR, INVALID_FRACTION);
    private static final GroundTruth TRUTH = new GroundTruth(MARKET);

    private static Pipeline pipeline;
    private static String collector;

    @BeforeAll
    static void start() throws Exception {
        pipeline = Pipeline.start("system-test-kis", SEED, INVALID_FRACTION, List.of(Map.of(
                "MARKETPIPE_COLLECTOR_API_PROVIDER", "kis",
                "MARKETPIPE_COLLECTOR_API_NAME", "simulator-kis",
                "MARKETPIPE_COLLECTOR_API_APP_KEY", "demo-app-key",
                "MARKETPIPE_COLLECTOR_API_APP_SECRET", "demo-app-secret",
                "MARKETPIPE_COLLECTOR_KIS_ACCOUNT", ACCOUNT,
                "MARKETPIPE_COLLECTOR_SYMBOLS", String.join(",", SYMBOLS))));
        collector = pipeline.collectors.get(0).baseUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void aBackfillOverTheKisApiLoadsExactlyTheGroundTruth() throws Exception {
        int batches = 0;
        for (String interval : List.of("1m", "5m", "1d")) {
            JsonNode job = awaitJob(startBackfill(interval));
            assertEquals("SUCCEEDED", job.path("state").asText(), job.toString());
            batches += job.path("batches").asInt();
        }
        long expected = batches;
        await("every batch loaded").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> pipeline.count("SELECT count(*) FROM data_collection_log WHERE batch_id IS NOT NULL")
                        == expected);

        for (String symbol : SYMBOLS) {
            for (LocalDate day : CALENDAR.tradingDays(FROM, TO)) {
                TRUTH.assertStoredEqualsTruth(pipeline.postgres, symbol, BarInterval.ONE_MINUTE, day);
                TRUTH.assertStoredEqualsTruth(pipeline.postgres, symbol, BarInterval.ONE_DAY, day);
                TRUTH.assertStoredEquals(pipeline.postgres, symbol, BarInterval.FIVE_MINUTES, day,
                        TRUTH.fiveMinuteBarsOfCleanMinutes(symbol, day));
            }
        }
        assertEquals(batches, pipeline.count("SELECT count(*) FROM loaded_batch"), "every KIS answer loaded once");
        assertTrue(pipeline.count("SELECT count(*) FROM quarantine") > 0, "the corrupted minutes are in quarantine");
        System.out.printf("KIS system test: %d batches, %d 1-minute, %d 5-minute and %d daily bars equal the ground"
                        + " truth, %d quarantined%n", batches, pipeline.count("SELECT count(*) FROM market_data_1min"),
                pipeline.count("SELECT count(*) FROM market_data_5min"),
                pipeline.count("SELECT count(*) FROM market_data_daily"),
                pipeline.count("SELECT count(*) FROM quarantine"));
    }

    @Test
    @Order(2)
    void aReplayOfTheKisDaysFromTheArchiveRebuildsTheSameRows() throws Exception {
        String marketRows = "SELECT (SELECT count(*) FROM market_data_1min) + (SELECT count(*) FROM market_data_5min)"
                + " + (SELECT count(*) FROM market_data_daily)";
        long rows = pipeline.count(marketRows);
        pipeline.execute("DELETE FROM market_data_1min");
        pipeline.execute("DELETE FROM market_data_5min");
        pipeline.execute("DELETE FROM market_data_daily");

        HttpResponse<String> response = Pipeline.post(pipeline.archive.baseUrl() + "/v1/replays",
                Map.of("from", FROM.toString(), "to", TO.toString(), "dataTypes", List.of("market_data")));
        assertEquals(202, response.statusCode(), response.body());
        JsonNode replay = awaitJob(response.headers().firstValue("Location").orElseThrow());
        assertEquals("SUCCEEDED", replay.path("state").asText(), replay.toString());
        await("the replayed days loaded").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> pipeline.count(marketRows) == rows);

        for (String symbol : SYMBOLS) {
            for (LocalDate day : CALENDAR.tradingDays(FROM, TO)) {
                TRUTH.assertStoredEqualsTruth(pipeline.postgres, symbol, BarInterval.ONE_MINUTE, day);
                TRUTH.assertStoredEqualsTruth(pipeline.postgres, symbol, BarInterval.ONE_DAY, day);
                TRUTH.assertStoredEquals(pipeline.postgres, symbol, BarInterval.FIVE_MINUTES, day,
                        TRUTH.fiveMinuteBarsOfCleanMinutes(symbol, day));
            }
        }
        System.out.printf("KIS system test: replay of %s..%s rebuilt %d rows equal to the ground truth%n", FROM, TO,
                rows);
    }

    @Test
    @Order(3)
    void theOrderHistoryIsPagedWithTrContAndLandsAsTheSimulatorServedIt() throws Exception {
        HttpResponse<String> response = Pipeline.post(collector + "/v1/collections/orders/run?from=" + ORDERS_FROM
                + "&to=" + ORDERS_TO, null);
        assertEquals(200, response.statusCode(), response.body());
        int pages = Pipeline.JSON.readTree(response.body()).path("pages").asInt();
        assertTrue(pages > 1, "more orders than one KIS page (100): " + response.body());
        await("the order history loaded").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> pipeline.count("SELECT count(*) FROM data_collection_log WHERE data_type = 'orders'")
                        == pages);

        new AccountTruth(MARKET, UNIVERSE, ACCOUNT).assertOrders(pipeline.postgres,
                CALENDAR.tradingDays(ORDERS_FROM, ORDERS_TO));
        Path logs = pipeline.archiveRoot.resolveSibling("logs");
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path log : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(log).contains(ACCOUNT.substring(0, 8)), "account number in clear in " + log);
            }
        }
    }

    private static String startBackfill(String interval) throws Exception {
        HttpResponse<String> response = Pipeline.post(collector + "/v1/backfills", Map.of("symbols", SYMBOLS,
                "interval", interval, "from", FROM.toString(), "to", TO.toString()));
        assertEquals(202, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static JsonNode awaitJob(String location) {
        return await(location).atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(300))
                .until(() -> Pipeline.get(location), status -> !"RUNNING".equals(status.path("state").asText()));
    }
}
