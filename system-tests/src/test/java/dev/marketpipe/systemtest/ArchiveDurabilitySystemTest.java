package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No data loss, with real processes: once archive-service has answered 201, a {@code kill -9} of
 * it, or the loader down for minutes, loses and doubles nothing; and a replay of the archive rebuilds emptied market
 * tables to exactly the content they had.
 *
 * <p>The outage of the second test lasts {@code -Dmarketpipe.systemtest.outage-seconds} (default 60 s here; the issue
 * says "several minutes" — run with 300 for that). The archive's outbox backoff is capped at 2 s in this pipeline so
 * the wait after an outage stays short; everything else runs with the services' defaults.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchiveDurabilitySystemTest {

    private static final long SEED = 13;
    private static final double INVALID_FRACTION = 0.02;
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("marketpipe.systemtest.outage-seconds", 60));
    /** Scenario 1: one symbol, Mon-Tue. */
    private static final String KILLED = "035420";
    private static final LocalDate KILLED_FROM = LocalDate.parse("2025-03-17");
    private static final LocalDate KILLED_TO = LocalDate.parse("2025-03-18");
    /** Scenario 2: two symbols, a week of 1-minute and daily bars. */
    private static final List<String> OUTAGE_SYMBOLS = List.of("005930", "000660");
    private static final LocalDate OUTAGE_FROM = LocalDate.parse("2025-03-10");
    private static final LocalDate OUTAGE_TO = LocalDate.parse("2025-03-14");

    private static final MarketCalendar CALENDAR = MarketCalendar.krx();
    private static final BarGenerator GENERATOR = new BarGenerator(SEED, CALENDAR, INVALID_FRACTION);
    private static final GroundTruth TRUTH = new GroundTruth(GENERATOR);
    /**
     * The market tables and the content a replay must rebuild: every column but {@code id}, {@code created_at} and
     * {@code updated_at} (a new row gets new ones), in natural-key order.
     */
    private static final Map<String, String> CONTENT = new TreeMap<>(Map.of(
            "market_data_1min", "concat_ws('|', symbol, timestamp, open, high, low, close, volume, value), ',' ORDER BY symbol, timestamp",
            "market_data_5min", "concat_ws('|', symbol, timestamp, open, high, low, close, volume, value), ',' ORDER BY symbol, timestamp",
            "market_data_daily", "concat_ws('|', symbol, date, open, high, low, close, volume, value, adj_close), ',' ORDER BY symbol, date",
            "orderbook_snapshot", "concat_ws('|', symbol, timestamp, best_bid, best_ask, bids, asks), ',' ORDER BY symbol, timestamp"));

    private static Pipeline pipeline;
    private static String collector;

    @BeforeAll
    static void startPipeline() throws Exception {
        Map<String, String> collectorEnv = new HashMap<>();
        collectorEnv.put("MARKETPIPE_COLLECTOR_SYMBOLS", String.join(",", OUTAGE_SYMBOLS) + "," + KILLED);
        for (String job : List.of("ORDERBOOK", "ACCOUNT_INFO", "POSITIONS", "ORDERS")) {
            collectorEnv.put("MARKETPIPE_COLLECTOR_SCHEDULE_" + job + "_ENABLED", "false");
        }
        pipeline = Pipeline.setUp("system-test-archive", SEED, INVALID_FRACTION).collectors(List.of(collectorEnv))
                .archive(Map.of("MARKETPIPE_ARCHIVE_OUTBOX_MAX_BACKOFF", "2s")).start();
        collector = pipeline.collectors.get(0).baseUrl();
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void archiveKilledAfterAnswering201ForwardsEveryQueuedBatchOnceAfterTheRestart() throws Exception {
        pipeline.validator.kill(); // nothing can be forwarded: every batch stays in the outbox after its 201

        JsonNode backfill = awaitJob(startBackfill(List.of(KILLED), "1m", KILLED_FROM, KILLED_TO));
        assertEquals("SUCCEEDED", backfill.path("state").asText(), backfill.toString());
        int batches = backfill.path("batches").asInt();
        assertTrue(batches > 0, backfill.toString());
        assertEquals(batches, outboxEntries(), "every batch answered 201 and waits in the outbox");
        double duplicatesBefore = loaderDuplicates();

        pipeline.archive.kill(); // kill -9 between the 201 and the forward
        pipeline.validator.start().awaitReady();
        pipeline.archive.start().awaitReady();

        await("queued batches forwarded after the restart").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> outboxEntries() == 0 && loadedBatches(List.of(KILLED)) == batches);
        for (LocalDate day : CALENDAR.tradingDays(KILLED_FROM, KILLED_TO)) {
            TRUTH.assertStoredEqualsTruth(pipeline.postgres, KILLED, BarInterval.ONE_MINUTE, day);
        }
        assertEquals(batches, pipeline.count("SELECT count(*) FROM data_collection_log WHERE symbol = '" + KILLED + "'"),
                "one load per batch");
        assertEquals(duplicatesBefore, loaderDuplicates(), "no batch reached the loader twice: forwarded once");
        assertEquals(0, deadLetters(), "nothing refused");
    }

    @Test
    @Order(2)
    void loaderDownForMinutesDuringABackfillEndsWithTheGroundTruthNothingLostNothingDoubled() throws Exception {
        List<String> jobs = List.of(startBackfill(OUTAGE_SYMBOLS, "1m", OUTAGE_FROM, OUTAGE_TO),
                startBackfill(OUTAGE_SYMBOLS, "1d", OUTAGE_FROM, OUTAGE_TO));
        pipeline.loader.kill();
        Instant down = Instant.now();

        int batches = 0;
        for (String job : jobs) {
            JsonNode status = awaitJob(job);
            assertEquals("SUCCEEDED", status.path("state").asText(), "the collector never waits for the loader: " + status);
            batches += status.path("batches").asInt();
        }
        Duration left = OUTAGE.minus(Duration.between(down, Instant.now()));
        if (!left.isNegative() && !left.isZero()) {
            long loadedWhileDown = loadedBatches(OUTAGE_SYMBOLS);
            await("the outage").during(left).atMost(left.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> outboxEntries() > 0 && pipeline.archive.status("/q/health/ready") == 200
                            && loadedBatches(OUTAGE_SYMBOLS) == loadedWhileDown);
        }
        int expected = batches;
        pipeline.loader.start().awaitReady();

        await("backlog loaded after the outage").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> outboxEntries() == 0 && loadedBatches(OUTAGE_SYMBOLS) == expected);
        long corrupted = 0;
        for (String symbol : OUTAGE_SYMBOLS) {
            for (LocalDate day : CALENDAR.tradingDays(OUTAGE_FROM, OUTAGE_TO)) {
                TRUTH.assertStoredEqualsTruth(pipeline.postgres, symbol, BarInterval.ONE_MINUTE, day);
                TRUTH.assertStoredEqualsTruth(pipeline.postgres, symbol, BarInterval.ONE_DAY, day);
                corrupted += corrupted(symbol, BarInterval.ONE_MINUTE, day) + corrupted(symbol, BarInterval.ONE_DAY, day);
            }
        }
        String symbols = "('" + String.join("','", OUTAGE_SYMBOLS) + "')";
        assertEquals(expected, pipeline.count("SELECT count(*) FROM data_collection_log WHERE symbol IN " + symbols),
                "one load per batch");
        assertEquals(corrupted, pipeline.count("SELECT count(*) FROM quarantine WHERE symbol IN " + symbols),
                "every corrupted bar quarantined once");
        assertEquals(0, deadLetters(), "nothing refused");
        System.out.printf("archive system test: loader down %d s during a backfill of %d batches; all loaded once%n",
                OUTAGE.toSeconds(), expected);
    }

    @Test
    @Order(3)
    void replayRebuildsEmptiedMarketTablesToTheSameChecksum() throws Exception {
        HttpResponse<String> books = Pipeline.post(collector + "/v1/collections/orderbook/run", null);
        assertEquals(200, books.statusCode(), books.body());
        int snapshots = Pipeline.JSON.readTree(books.body()).path("pages").asInt();
        await("order books loaded").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> pipeline.count("SELECT count(*) FROM orderbook_snapshot") == snapshots);
        Map<String, String> before = checksums();
        before.forEach((table, sum) -> {
            if (!table.equals("market_data_5min")) {
                assertNotNull(sum, table + " holds rows before the replay");
            }
        });

        pipeline.execute("TRUNCATE " + String.join(", ", CONTENT.keySet()));
        assertEquals(0, pipeline.count("SELECT count(*) FROM market_data_1min"));

        JsonNode bars = replay(OUTAGE_FROM, KILLED_TO, List.of());
        assertEquals("SUCCEEDED", bars.path("state").asText(), bars.toString());
        assertEquals(envelopes(OUTAGE_FROM, KILLED_TO), bars.path("batchesTotal").asInt(), "every envelope found");
        assertEquals(bars.path("batchesTotal").asInt(), bars.path("batchesSent").asInt(), bars.toString());
        assertEquals(barsServed(), bars.path("bars").asLong(), "every bar of every response re-sent");
        LocalDate today = LocalDate.now(CALENDAR.zone());
        JsonNode orderBooks = replay(today.minusDays(1), today, List.of("orderbook"));
        assertEquals("SUCCEEDED", orderBooks.path("state").asText(), orderBooks.toString());
        assertEquals(snapshots, orderBooks.path("batchesSent").asInt(), orderBooks.toString());

        assertEquals(before, checksums(), "the replay rebuilt the same content");
        System.out.printf("archive system test: replay re-sent %d batches (%d bars) and %d order books; checksums %s%n",
                bars.path("batchesSent").asInt(), bars.path("bars").asLong(), snapshots, before);
    }

    // --- steps -------------------------------------------------------------------------------------------------

    private static String startBackfill(List<String> symbols, String interval, LocalDate from, LocalDate to)
            throws Exception {
        HttpResponse<String> response = Pipeline.post(collector + "/v1/backfills", Map.of("symbols", symbols,
                "interval", interval, "from", from.toString(), "to", to.toString()));
        assertEquals(202, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static JsonNode replay(LocalDate from, LocalDate to, List<String> dataTypes) throws Exception {
        HttpResponse<String> response = Pipeline.post(pipeline.archive.baseUrl() + "/v1/replays",
                Map.of("from", from.toString(), "to", to.toString(), "dataTypes", dataTypes));
        assertEquals(202, response.statusCode(), response.body());
        return awaitJob(response.headers().firstValue("Location").orElseThrow());
    }

    private static JsonNode awaitJob(String location) {
        return await(location).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> Pipeline.get(location), status -> !"RUNNING".equals(status.path("state").asText()));
    }

    // --- observations ------------------------------------------------------------------------------------------

    private static Map<String, String> checksums() throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection db = pipeline.postgres.connect()) {
            for (Map.Entry<String, String> table : CONTENT.entrySet()) {
                try (ResultSet row = db.createStatement().executeQuery("SELECT md5(string_agg(" + table.getValue()
                        + ")) FROM " + table.getKey())) {
                    row.next();
                    sums.put(table.getKey(), row.getString(1));
                }
            }
        }
        return sums;
    }

    private static long loadedBatches(List<String> symbols) throws SQLException {
        return pipeline.count("SELECT count(*) FROM loaded_batch WHERE symbol IN ('" + String.join("','", symbols) + "')");
    }

    /** Batches the loader answered as already loaded, from its metrics (a fresh process counts from 0). */
    private static double loaderDuplicates() throws Exception {
        Matcher value = Pattern.compile("(?m)^marketpipe_loader_batches_loaded_total\\{[^}]*outcome=\"duplicate\"[^}]*} (\\S+)$")
                .matcher(Pipeline.getText(pipeline.loader.managementUrl() + "/q/metrics"));
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    /** Entries waiting in any replica's outbox folder ({@code outbox/<replica-id>/…}, dead letters excluded). */
    private static long outboxEntries() throws IOException {
        return outboxFiles(false);
    }

    private static long deadLetters() throws IOException {
        return outboxFiles(true);
    }

    private static long outboxFiles(boolean dead) throws IOException {
        return pipeline.outboxFiles(dead);
    }

    private static long envelopes(LocalDate from, LocalDate to) throws IOException {
        long count = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Path folder = pipeline.archiveRoot.resolve(String.format("raw/%04d/%02d/%02d", day.getYear(),
                    day.getMonthValue(), day.getDayOfMonth()));
            count += Files.isDirectory(folder) ? jsonFiles(folder, 1) : 0;
        }
        return count;
    }

    private static long jsonFiles(Path folder, int depth) throws IOException {
        try (Stream<Path> files = Files.walk(folder, depth)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".json")).count();
        }
    }

    /** Bars the simulator served to the backfills of scenarios 1 and 2, corrupted ones included. */
    private static long barsServed() {
        long bars = 0;
        for (LocalDate day : CALENDAR.tradingDays(KILLED_FROM, KILLED_TO)) {
            bars += CALENDAR.barStarts(day, BarInterval.ONE_MINUTE).size();
        }
        for (LocalDate day : CALENDAR.tradingDays(OUTAGE_FROM, OUTAGE_TO)) {
            bars += OUTAGE_SYMBOLS.size() * (long) (CALENDAR.barStarts(day, BarInterval.ONE_MINUTE).size()
                    + CALENDAR.barStarts(day, BarInterval.ONE_DAY).size());
        }
        return bars;
    }

    private static long corrupted(String symbol, BarInterval interval, LocalDate day) {
        return CALENDAR.barStarts(day, interval).stream()
                .filter(start -> GENERATOR.corruption(symbol, interval, start) != Corruption.NONE).count();
    }
}
