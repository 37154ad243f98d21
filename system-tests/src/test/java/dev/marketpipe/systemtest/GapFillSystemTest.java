package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.simulator.market.Corruption;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gap-fill after a simulated 3-hour outage: a week of 1-minute bars is loaded, then three hours of one
 * day vanish (a failed load: the rows are deleted). A gap-fill over a range with a weekend and a holiday must make
 * the stored bars equal the ground truth again, asking the simulator only for windows inside sessions, and must
 * stop asking for the bars the validator quarantines once their attempts are used up.
 */
class GapFillSystemTest {

    private static final long SEED = 11;
    private static final double INVALID_FRACTION = 0.01;
    private static final int MAX_ATTEMPTS = 2;
    private static final List<String> SYMBOLS = List.of("005930", "000660");
    /** Sat 2025-03-01 .. Tue 2025-03-11: a weekend, the 2025-03-03 substitute holiday, another weekend. */
    private static final LocalDate FROM = LocalDate.parse("2025-03-01");
    private static final LocalDate TO = LocalDate.parse("2025-03-11");
    /** The outage: 10:00-13:00 KST on 2025-03-11. */
    private static final Instant HOLE_START = Instant.parse("2025-03-11T01:00:00Z");
    private static final Instant HOLE_END = Instant.parse("2025-03-11T04:00:00Z");

    private static final MarketCalendar CALENDAR = MarketCalendar.krx();
    private static final BarGenerator TRUTH = new BarGenerator(SEED, CALENDAR, INVALID_FRACTION);

    private static Pipeline pipeline;
    private static String collector;
    private static String simulator;

    @BeforeAll
    static void startPipeline() throws Exception {
        pipeline = Pipeline.start("system-test-gapfill", SEED, INVALID_FRACTION,
                List.of(Map.of("MARKETPIPE_COLLECTOR_GAPFILL_MAX_ATTEMPTS", String.valueOf(MAX_ATTEMPTS))));
        collector = pipeline.collectors.get(0).baseUrl();
        simulator = pipeline.simulator.baseUrl();
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void gapFillAfterAThreeHourOutageRestoresTheGroundTruthWithoutOffSessionRequests() throws Exception {
        // a week loaded, then three hours of one day lost
        JsonNode backfill = awaitJob(start("/v1/backfills", FROM, TO));
        assertEquals("SUCCEEDED", backfill.path("state").asText(), backfill.toString());
        int batches = backfill.path("batches").asInt();
        await("backfill loaded").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> pipeline.count("SELECT count(*) FROM data_collection_log") == batches);
        pipeline.execute("DELETE FROM market_data_1min WHERE timestamp >= '" + HOLE_START + "' AND timestamp < '" + HOLE_END + "'");
        for (String symbol : SYMBOLS) {
            assertEquals(0, storedBars(symbol, HOLE_START, HOLE_END).size(), "the outage left a hole");
        }
        Pipeline.delete(simulator + "/simulator/requests");

        JsonNode gapfill = awaitJob(start("/v1/gapfills", FROM, TO));
        assertEquals("SUCCEEDED", gapfill.path("state").asText(), gapfill.toString());
        long expectedMissing = 0;
        for (String symbol : SYMBOLS) {
            expectedMissing += 180 + corruptedOutsideHole(symbol);
        }
        assertEquals(expectedMissing, gapfill.path("barsMissing").asLong(), "missing = the hole + the quarantined bars");

        await("the hole loaded").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (String symbol : SYMBOLS) {
                        for (LocalDate day : CALENDAR.tradingDays(FROM, TO)) {
                            assertStoredEqualsTruth(symbol, day);
                        }
                    }
                });

        List<JsonNode> requests = simulatorRequests();
        assertTrue(requests.size() >= SYMBOLS.size(), "the hole was requested");
        for (String symbol : SYMBOLS) {
            assertTrue(requests.stream().anyMatch(r -> r.path("symbol").asText().equals(symbol)
                    && r.path("startDate").asText().equals(HOLE_START.toString())
                    && r.path("endDate").asText().equals(HOLE_END.toString())), symbol + ": the hole in one request");
        }
        requests.forEach(GapFillSystemTest::assertInsideOneSession);
        System.out.printf("gap-fill system test: %d bars missing, %d requests, all inside sessions%n",
                gapfill.path("barsMissing").asLong(), requests.size());

        // quarantined bars stay missing: asked again until MAX_ATTEMPTS, then never again
        for (int run = 2; run <= MAX_ATTEMPTS + 1; run++) {
            Pipeline.delete(simulator + "/simulator/requests");
            JsonNode again = awaitJob(start("/v1/gapfills", FROM, TO));
            List<JsonNode> asked = simulatorRequests();
            asked.forEach(GapFillSystemTest::assertInsideOneSession);
            long stillMissing = again.path("barsMissing").asLong();
            if (run <= MAX_ATTEMPTS) {
                assertEquals(again.path("requestsDone").asInt(), asked.size(), "run " + run);
            } else {
                assertEquals(0, asked.size(), "run " + run + ": attempts used up, nothing asked: " + asked);
                assertEquals(stillMissing, again.path("barsSkipped").asLong(), "run " + run);
            }
        }
    }

    // --- steps -------------------------------------------------------------------------------------------------

    private static String start(String path, LocalDate from, LocalDate to) throws Exception {
        HttpResponse<String> response = Pipeline.post(collector + path, Map.of("symbols", SYMBOLS, "interval", "1m",
                "from", from.toString(), "to", to.toString()));
        assertEquals(202, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static JsonNode awaitJob(String location) {
        return await(location).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> Pipeline.get(location), status -> !"RUNNING".equals(status.path("state").asText()));
    }

    private static List<JsonNode> simulatorRequests() throws Exception {
        JsonNode answer = Pipeline.get(simulator + "/simulator/requests?limit=100000");
        assertEquals(0, answer.path("dropped").asLong(), "every request recorded");
        List<JsonNode> requests = new ArrayList<>();
        answer.path("requests").forEach(r -> {
            if (r.path("path").asText().startsWith("/market/data")) {
                requests.add(r);
            }
        });
        return requests;
    }

    // --- assertions --------------------------------------------------------------------------------------------

    /** The window starts on a bar of a trading session and ends inside that same session: no holiday, no night. */
    private static void assertInsideOneSession(JsonNode request) {
        Instant start = Instant.parse(request.path("startDate").asText());
        Instant end = Instant.parse(request.path("endDate").asText());
        String what = "request " + request;
        assertTrue(CALENDAR.isBarStart(start, BarInterval.ONE_MINUTE), what + ": starts on a session bar");
        assertTrue(CALENDAR.isBarStart(end.minus(BarInterval.ONE_MINUTE.length()), BarInterval.ONE_MINUTE),
                what + ": ends with a session bar");
        assertEquals(CALENDAR.tradingDate(start), CALENDAR.tradingDate(end.minusSeconds(1)), what + ": one session");
    }

    private long corruptedOutsideHole(String symbol) {
        long corrupted = 0;
        for (LocalDate day : CALENDAR.tradingDays(FROM, TO)) {
            for (Instant start : CALENDAR.barStarts(day, BarInterval.ONE_MINUTE)) {
                boolean inHole = !start.isBefore(HOLE_START) && start.isBefore(HOLE_END);
                if (!inHole && TRUTH.corruption(symbol, BarInterval.ONE_MINUTE, start) != Corruption.NONE) {
                    corrupted++;
                }
            }
        }
        return corrupted;
    }

    private void assertStoredEqualsTruth(String symbol, LocalDate day) throws SQLException {
        Map<Instant, Bar> expected = new TreeMap<>();
        for (Instant start : CALENDAR.barStarts(day, BarInterval.ONE_MINUTE)) {
            if (TRUTH.corruption(symbol, BarInterval.ONE_MINUTE, start) == Corruption.NONE) {
                expected.put(start, TRUTH.trueBar(symbol, BarInterval.ONE_MINUTE, start));
            }
        }
        Instant from = day.atStartOfDay(CALENDAR.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(CALENDAR.zone()).toInstant();
        Map<Instant, Bar> stored = storedBars(symbol, from, to);
        assertEquals(expected.keySet(), stored.keySet(), symbol + " " + day + ": same bars");
        for (Map.Entry<Instant, Bar> entry : expected.entrySet()) {
            Bar want = entry.getValue();
            Bar got = stored.get(entry.getKey());
            String at = symbol + " " + entry.getKey();
            assertEquals(0, want.open().compareTo(got.open()), at + " open");
            assertEquals(0, want.high().compareTo(got.high()), at + " high");
            assertEquals(0, want.low().compareTo(got.low()), at + " low");
            assertEquals(0, want.close().compareTo(got.close()), at + " close");
            assertEquals(want.volume(), got.volume(), at + " volume");
        }
    }

    private Map<Instant, Bar> storedBars(String symbol, Instant from, Instant to) throws SQLException {
        Map<Instant, Bar> bars = new HashMap<>();
        try (Connection db = pipeline.postgres.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT timestamp, open, high, low, close, volume, value FROM market_data_1min"
                        + " WHERE symbol = ? AND timestamp >= ? AND timestamp < ?")) {
            query.setString(1, symbol);
            query.setObject(2, OffsetDateTime.ofInstant(from, CALENDAR.zone()));
            query.setObject(3, OffsetDateTime.ofInstant(to, CALENDAR.zone()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant start = rows.getObject(1, OffsetDateTime.class).toInstant();
                    bars.put(start, new Bar(start, symbol, rows.getBigDecimal(2), rows.getBigDecimal(3),
                            rows.getBigDecimal(4), rows.getBigDecimal(5), rows.getLong(6), rows.getBigDecimal(7)));
                }
            }
        }
        return bars;
    }
}
