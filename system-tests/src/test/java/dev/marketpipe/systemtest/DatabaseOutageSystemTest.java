package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A lost database connection, with real processes: PostgreSQL stopped ({@code pg_ctl stop -m fast}) in the
 * middle of a backfill and started again on the same port; no service is restarted. Afterwards the market tables
 * equal the simulator's ground truth and {@code data_collection_log} holds one row per batch: the loader answered
 * 503 meanwhile (readiness DOWN, liveness UP), the archive's outbox delivered again, the loader and the collector
 * reconnected by themselves. The collector keeps its rate budget in PostgreSQL: during the outage its requests wait
 * for a token (none is granted without the shared count) and the backfill asks again, so no request fails.
 *
 * <p>The outage lasts {@code -Dmarketpipe.systemtest.outage-seconds} (default 30 s). The collector's rate budget is
 * 5 requests/s, so PostgreSQL stops while most of the backfill (one request per symbol-day) is still to do.
 */
class DatabaseOutageSystemTest {

    private static final long SEED = 17;
    /** No corrupted bars: the gap-fill then asks for whole missing days, not for each quarantined minute. */
    private static final double INVALID_FRACTION = 0;
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("marketpipe.systemtest.outage-seconds", 30));
    private static final List<String> SYMBOLS = List.of("005930", "000660", "035420");
    private static final LocalDate FROM = LocalDate.parse("2025-02-03");
    private static final LocalDate TO = LocalDate.parse("2025-02-28");

    private static final MarketCalendar CALENDAR = MarketCalendar.krx();
    private static final GroundTruth TRUTH = new GroundTruth(new BarGenerator(SEED, CALENDAR, INVALID_FRACTION));

    private static Pipeline pipeline;

    @BeforeAll
    static void startPipeline() throws Exception {
        Map<String, String> collectorEnv = new HashMap<>();
        collectorEnv.put("MARKETPIPE_COLLECTOR_SYMBOLS", String.join(",", SYMBOLS));
        collectorEnv.put("MARKETPIPE_COLLECTOR_BUDGET_REQUESTS_PER_SECOND", "5");
        pipeline = Pipeline.setUp("system-test-database-outage", SEED, INVALID_FRACTION)
                .collectors(List.of(collectorEnv)).archive(Map.of("MARKETPIPE_ARCHIVE_OUTBOX_MAX_BACKOFF", "2s")).start();
        Assumptions.assumeTrue(pipeline.postgres.owned(), "only with a PostgreSQL this run started and may stop");
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void postgresStoppedForHalfAMinuteDuringABackfillEndsWithTheGroundTruthAndOneLogRowPerBatch() throws Exception {
        String job = start("/v1/backfills");
        int requests = Pipeline.get(job).path("requestsTotal").asInt();
        await("the first batches loaded").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> loadedBatches() >= 5);

        long loadedBefore = loadedBatches();
        pipeline.postgres.stopServer();
        try {
            await("the outage").during(OUTAGE).atMost(OUTAGE.plusSeconds(15)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> pipeline.loader.status("/q/health/ready") == 503
                            && pipeline.loader.status("/q/health/live") == 200);
        } finally {
            pipeline.postgres.restartServer();
        }

        await("loader ready again, without a restart").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> pipeline.loader.status("/q/health/ready") == 200);
        JsonNode backfill = awaitJob(job);
        assertEquals(requests, backfill.path("requestsDone").asInt(), backfill.toString());
        // The collector keeps its rate budget in PostgreSQL: while it was unreachable no token was granted, the
        // backfill's requests waited and asked again, so none failed and nothing needs a gap-fill.
        assertEquals("SUCCEEDED", backfill.path("state").asText(), backfill.toString());
        assertEquals(0, backfill.path("errors").asInt(), backfill.toString());
        int batches = backfill.path("batches").asInt();
        await("every batch loaded").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> outboxEntries() == 0 && loadedBatches() == batches);

        for (String symbol : SYMBOLS) {
            for (LocalDate day : CALENDAR.tradingDays(FROM, TO)) {
                TRUTH.assertStoredEqualsTruth(pipeline.postgres, symbol, BarInterval.ONE_MINUTE, day);
            }
        }
        String symbols = "('" + String.join("','", SYMBOLS) + "')";
        assertEquals(batches, pipeline.count("SELECT count(*) FROM data_collection_log WHERE batch_id IS NOT NULL "
                + "AND symbol IN " + symbols), "one log row per batch");
        assertEquals(batches, pipeline.count("SELECT count(DISTINCT batch_id) FROM data_collection_log "
                + "WHERE symbol IN " + symbols), "no batch logged twice");
        assertEquals(0, deadLetters(), "nothing refused");
        System.out.printf("database outage system test: PostgreSQL down %d s after %d batches; backfill of %d "
                + "requests without an error; all %d batches loaded once, tables equal the ground truth%n",
                OUTAGE.toSeconds(), loadedBefore, requests, batches);
    }

    /** Starts a backfill or gap-fill of the test's symbols and range; answers the job's URL. */
    private static String start(String path) throws Exception {
        HttpResponse<String> started = Pipeline.post(pipeline.collectors.get(0).baseUrl() + path, Map.of(
                "symbols", SYMBOLS, "interval", "1m", "from", FROM.toString(), "to", TO.toString()));
        assertEquals(202, started.statusCode(), started.body());
        return started.headers().firstValue("Location").orElseThrow();
    }

    private static JsonNode awaitJob(String location) {
        return await(location).atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Pipeline.get(location), status -> !"RUNNING".equals(status.path("state").asText()));
    }

    private static long loadedBatches() throws SQLException {
        return pipeline.count("SELECT count(*) FROM loaded_batch");
    }

    private static long outboxEntries() throws IOException {
        return pipeline.outboxFiles(false);
    }

    private static long deadLetters() throws IOException {
        return pipeline.outboxFiles(true);
    }
}
