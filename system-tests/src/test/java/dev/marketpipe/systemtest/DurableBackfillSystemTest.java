package dev.marketpipe.systemtest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A backfill survives its collector: killed with {@code kill -9} in the middle of a backfill and started again, the
 * collector finds the job in its database, takes over the windows whose claims ran out, and finishes it — the job
 * reports SUCCEEDED under its old id and the database equals the ground truth, without anyone asking again.
 */
class DurableBackfillSystemTest {

    private static final long SEED = 19;
    private static final List<String> SYMBOLS = List.of("005930", "000660", "035420");
    private static final LocalDate FROM = LocalDate.parse("2025-03-04");
    private static final LocalDate TO = LocalDate.parse("2025-03-21");
    private static final MarketCalendar CALENDAR = MarketCalendar.krx();
    private static final GroundTruth TRUTH = new GroundTruth(new BarGenerator(SEED, CALENDAR, 0));

    private static Pipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        pipeline = Pipeline.start("system-test-durable-backfill", SEED, 0, List.of(Map.of(
                // slow enough to be killed in the middle, claims short enough to be taken over within the test
                "MARKETPIPE_COLLECTOR_BUDGET_REQUESTS_PER_SECOND", "3",
                "MARKETPIPE_COLLECTOR_JOBS_CLAIM", "6S",
                "MARKETPIPE_COLLECTOR_SYMBOLS", String.join(",", SYMBOLS))));
    }

    @AfterAll
    static void stop() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aBackfillWhoseCollectorWasKilledIsResumedAndFinishesAfterTheRestart() throws Exception {
        ServiceProcess collector = pipeline.collectors.get(0);
        String location = Pipeline.startBackfill(collector, SYMBOLS, "1m", FROM, TO);
        int windows = Pipeline.get(location).path("requestsTotal").asInt();
        await("a few windows collected").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Pipeline.get(location).path("requestsDone").asInt() >= 6);

        collector.kill();
        collector.start().awaitReady();

        JsonNode job = Pipeline.awaitJobEnd(location, Duration.ofSeconds(120));
        assertEquals("SUCCEEDED", job.path("state").asText(), job.toString());
        assertEquals(windows, job.path("batches").asInt(), "every window collected once: " + job);
        assertTrue(job.path("windowsResumed").asInt() >= 1, "the windows in flight were taken over: " + job);
        await("every batch loaded").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> pipeline.count("SELECT count(*) FROM market_data_1min")
                        == (long) CALENDAR.tradingDays(FROM, TO).size() * 390 * SYMBOLS.size());
        for (String symbol : SYMBOLS) {
            for (LocalDate day : CALENDAR.tradingDays(FROM, TO)) {
                TRUTH.assertStoredEqualsTruth(pipeline.postgres, symbol, BarInterval.ONE_MINUTE, day);
            }
        }
        System.out.printf("durable backfill: %d windows, collector killed after %s, %d windows resumed after the"
                + " restart, database equals the ground truth%n", windows, "6 or more", job.path("windowsResumed").asInt());
    }
}
