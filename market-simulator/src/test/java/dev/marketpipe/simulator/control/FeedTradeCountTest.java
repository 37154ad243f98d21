package dev.marketpipe.simulator.control;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.simulator.market.TradeTape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /simulator/feed/trades} counts the configured tape's trades: here a dense tape with bursts (the
 * benchmark's settings) over 40 symbols, the configured 20 and 20 more.
 */
@QuarkusTest
@TestProfile(FeedTradeCountTest.DenseTape.class)
class FeedTradeCountTest {

    private static final List<String> SYMBOLS = List.of("005930", "000660", "035420", "005380", "051910", "006400",
            "035720", "000270", "068270", "105560", "055550", "012330", "028260", "066570", "003550", "096770",
            "017670", "034730", "015760", "032830", "207940", "005490", "373220", "000810", "086790", "011200",
            "010130", "033780", "009150", "018260", "316140", "024110", "011170", "010950", "036570", "251270",
            "090430", "047050", "012450", "003670");
    private static final TradeTape TAPE = new TradeTape(new BarGenerator(42, MarketCalendar.krx(), 0.0),
            new TradeTape.Density(40, 110, new TradeTape.Burst(3, 50, 10, 10)));

    /** The benchmark's tape: 40..110 trades a minute, ten times as dense for 10 s of every third minute. */
    public static class DenseTape implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.simulator.symbols", String.join(",", SYMBOLS),
                    "marketpipe.simulator.tape.min-trades-per-minute", "40",
                    "marketpipe.simulator.tape.max-trades-per-minute", "110",
                    "marketpipe.simulator.tape.burst.every-minutes", "3",
                    "marketpipe.simulator.tape.burst.start-second", "50",
                    "marketpipe.simulator.tape.burst.seconds", "10",
                    "marketpipe.simulator.tape.burst.factor", "10");
        }
    }

    @Test
    void countsTheConfiguredTapesTradesInARangePerSymbolAndInAll() {
        Instant from = Instant.parse("2025-03-04T00:01:30Z"); // 09:01:30 KST, through the burst of 09:02:50..09:03
        Instant to = Instant.parse("2025-03-04T00:04:00Z");
        JsonPath answer = given().queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("symbols", "005930,207940")
                .get("/simulator/feed/trades").then().statusCode(200).extract().jsonPath();
        long samsung = TAPE.trades("005930", from, to).size();
        long biologics = TAPE.trades("207940", from, to).size();
        assertEquals(samsung, answer.getLong("symbols.'005930'"));
        assertEquals(biologics, answer.getLong("symbols.'207940'"));
        assertEquals(samsung + biologics, answer.getLong("trades"));
        assertEquals(from, Instant.parse(answer.getString("from")));
    }

    @Test
    void withoutSymbolsCountsEveryConfiguredSymbolAndTakesKstLocalTimes() {
        Instant from = Instant.parse("2025-03-04T00:02:50Z");
        Instant to = Instant.parse("2025-03-04T00:03:00Z");
        long expected = SYMBOLS.stream().mapToLong(s -> TAPE.trades(s, from, to).size()).sum();
        given().queryParam("from", "2025-03-04T09:02:50").queryParam("to", "2025-03-04T09:03:00")
                .get("/simulator/feed/trades").then().statusCode(200)
                .body("trades", equalTo((int) expected))
                .body("symbols.size()", equalTo(40));
    }

    @Test
    void refusesAnUnknownSymbolAndAnEmptyOrOverlongOrUnreadableRange() {
        given().queryParam("from", "2025-03-04T09:00:00").queryParam("to", "2025-03-04T09:01:00")
                .queryParam("symbols", "999999").get("/simulator/feed/trades").then().statusCode(400);
        given().queryParam("from", "2025-03-04T09:01:00").queryParam("to", "2025-03-04T09:01:00")
                .get("/simulator/feed/trades").then().statusCode(400);
        given().queryParam("from", "2025-03-04T09:00:00").queryParam("to", "2025-03-14T09:00:00")
                .get("/simulator/feed/trades").then().statusCode(400);
        given().queryParam("from", "yesterday").queryParam("to", "2025-03-04T09:01:00")
                .get("/simulator/feed/trades").then().statusCode(400);
        given().queryParam("to", "2025-03-04T09:01:00").get("/simulator/feed/trades").then().statusCode(400);
    }
}
