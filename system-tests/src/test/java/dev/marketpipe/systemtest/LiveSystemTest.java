package dev.marketpipe.systemtest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.simulator.market.TradeTape;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Real time end to end, as the trading system sees it: a past KRX session replayed in real time by the simulator's
 * KIS feed (the pipeline's market clock set to it), the collector's WebSocket sessions, archive, validator, loader.
 * Two whole minutes of two symbols: every trade of the simulator's tape is stored once, the 1-minute bars built from
 * the ticks equal the simulator's own bars, the feed's order books are stored, and a subscriber of the push stream receives them as they commit.
 */
class LiveSystemTest {

    private static final long SEED = 42;
    private static final MarketCalendar CALENDAR = MarketCalendar.krx();
    private static final BarGenerator MARKET = new BarGenerator(SEED, CALENDAR, 0);
    private static final TradeTape TAPE = new TradeTape(MARKET);
    private static final List<String> SYMBOLS = List.of("005930", "000660");
    /** 2025-03-05 09:00 KST: the session the feed replays. */
    private static final Instant OPEN = Instant.parse("2025-03-05T00:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 5);

    @Test
    void tradesBecomeOneMinuteBarsEqualToTheSimulatorsAndAreLivePushed() throws Exception {
        // the market clock reaches the open about 40 s from now; the simulator is aligned to it once all run
        Duration offset = Duration.between(Instant.now().plusSeconds(40), OPEN).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> clock = Map.of("MARKETPIPE_CLOCK_OFFSET", offset.toString());
        Map<String, String> collector = new HashMap<>(clock);
        collector.putAll(Map.of(
                "MARKETPIPE_COLLECTOR_SYMBOLS", String.join(",", SYMBOLS),
                "MARKETPIPE_COLLECTOR_REALTIME_ENABLED", "true",
                "MARKETPIPE_COLLECTOR_REALTIME_BATCH_WINDOW", "250ms"));
        try (Pipeline pipeline = Pipeline.setUp("live", SEED, 0).collectors(List.of(collector)).loader(clock).start()) {
            // not before: the collector learns the feed's URL from the simulator's port
            Instant marketNow = Instant.now().plus(offset);
            Pipeline.put(pipeline.simulator.baseUrl() + "/simulator/clock", Map.of("at", marketNow.toString(),
                    "speed", 1.0));
            Instant first = marketNow.plusSeconds(15).truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
            if (first.isBefore(OPEN)) {
                first = OPEN;
            }
            Instant end = first.plusSeconds(120);
            List<String> pushed = new CopyOnWriteArrayList<>();
            Thread subscriber = subscribe(pipeline.loader.baseUrl() + "/v1/stream/bars?symbols="
                    + String.join(",", SYMBOLS) + "&interval=1m", pushed);

            Instant checked = first;
            await().atMost(Duration.between(Instant.now().plus(offset), end).plusSeconds(60))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> tickBars(pipeline, checked, end) == 2 * SYMBOLS.size());

            for (String symbol : SYMBOLS) {
                List<Bar> truth = MARKET.trueBars(symbol, BarInterval.ONE_MINUTE, DAY).stream()
                        .filter(b -> !b.timestamp().isBefore(checked) && b.timestamp().isBefore(end)).toList();
                Map<Instant, Bar> stored = GroundTruth.storedBars(pipeline.postgres, symbol, BarInterval.ONE_MINUTE, DAY);
                for (int i = 0; i < truth.size(); i++) {
                    Bar expected = truth.get(i);
                    Bar actual = stored.get(expected.timestamp());
                    assertEquals(ohlcv(expected), ohlcv(actual), symbol + " " + expected.timestamp());
                    if (i > 0) { // the value needs the trade before the minute, which the feed sent only for the second
                        assertEquals(0, expected.value().compareTo(actual.value()), symbol + " value");
                    }
                }
                assertEquals(TAPE.trades(symbol, checked, end).size(), storedTicks(pipeline, symbol, checked, end),
                        symbol + ": every trade of the tape stored once");
                assertTrue(count(pipeline, "SELECT count(*) FROM orderbook_snapshot WHERE symbol = ANY(?) "
                        + "AND \"timestamp\" >= ? AND \"timestamp\" < ?", checked, end, new String[] {symbol}) > 0,
                        symbol + ": the feed's order books are stored");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> SYMBOLS.stream().allMatch(symbol ->
                    pushed.stream().anyMatch(data -> data.contains("\"symbol\":\"" + symbol + "\"")
                            && data.contains(end.minusSeconds(60).toString()))));
            String metrics = Pipeline.getText(pipeline.loader.managementUrl() + "/q/metrics");
            assertTrue(metrics.contains("marketpipe_bar_freshness_seconds_count{stage=\"pushed\""), metrics);
            subscriber.interrupt();
        }
    }

    /** Open, high, low, close and volume as plain numbers (the table stores two decimals). */
    private static String ohlcv(Bar bar) {
        return Stream.of(bar.open(), bar.high(), bar.low(), bar.close())
                .map(p -> p.stripTrailingZeros().toPlainString()).collect(Collectors.joining(" ")) + " " + bar.volume();
    }

    private static long tickBars(Pipeline pipeline, Instant from, Instant to) throws Exception {
        return count(pipeline, "SELECT count(*) FROM market_data_1min WHERE source = 'ticks' AND symbol = ANY(?) "
                + "AND \"timestamp\" >= ? AND \"timestamp\" < ?", from, to, SYMBOLS.toArray(new String[0]));
    }

    private static long storedTicks(Pipeline pipeline, String symbol, Instant from, Instant to) throws Exception {
        return count(pipeline, "SELECT count(*) FROM market_ticks WHERE symbol = ANY(?) AND \"timestamp\" >= ? "
                + "AND \"timestamp\" < ?", from, to, new String[] {symbol});
    }

    private static long count(Pipeline pipeline, String sql, Instant from, Instant to, String[] symbols)
            throws Exception {
        try (Connection db = pipeline.postgres.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("varchar", symbols));
            query.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            query.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** A push-stream subscriber on a thread of its own: each event's data into {@code into}. */
    private static Thread subscribe(String url, List<String> into) {
        Thread thread = new Thread(() -> {
            try {
                HttpResponse<InputStream> answer = HttpClient.newHttpClient().send(Requests.to(URI.create(url))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
                BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        into.add(line.substring(5).trim());
                    }
                }
            } catch (Exception e) {
                // the test ended
            }
        }, "push-subscriber");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
