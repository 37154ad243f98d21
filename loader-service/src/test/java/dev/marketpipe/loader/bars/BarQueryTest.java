package dev.marketpipe.loader.bars;

import dev.marketpipe.loader.LoaderApi;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.testsupport.PostgresTestResource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class BarQueryTest {

    private static final Instant OPEN = Instant.parse("2025-03-04T00:00:00Z");

    @Inject
    ObjectMapper objectMapper;

    private String symbol;
    private List<String> expected;

    @BeforeEach
    void loadTenBarsInShuffledOrder() {
        symbol = TestBatches.uniqueSymbol();
        List<Bar> bars = TestBatches.bars(symbol, OPEN, BarInterval.ONE_MINUTE, 10);
        expected = bars.stream().map(b -> b.timestamp().toString()).toList();
        List<Bar> shuffled = new ArrayList<>(bars);
        Collections.shuffle(shuffled, new Random(7));
        new LoaderApi(objectMapper).load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, shuffled));
    }

    private ValidatableResponse bars(String from, String to, Integer limit) {
        var request = given().queryParam("symbol", symbol).queryParam("interval", "1m");
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        return request.when().get("/v1/bars").then();
    }

    private List<String> timestamps(String from, String to, Integer limit) {
        return bars(from, to, limit).statusCode(200).extract().jsonPath().getList("timestamp", String.class);
    }

    @Test
    void barsComeBackInTimeOrder() {
        assertEquals(expected, timestamps("2025-03-04", "2025-03-05", null));
        bars("2025-03-04", "2025-03-05", null)
                .body("[0].open", is(75000.0f))
                .body("[0].high", is(75500.0f))
                .body("[0].volume", is(1000))
                .body("[0].value", is(7.52E7f))
                .body("[0].containsKey('date')", is(false));
    }

    @Test
    void fromIsInclusiveAndToExclusiveSoConsecutiveWindowsDoNotOverlap() {
        String cut = OPEN.plusSeconds(4 * 60).toString();
        List<String> first = timestamps(OPEN.toString(), cut, null);
        List<String> second = timestamps(cut, "2025-03-05", null);

        assertEquals(expected.subList(0, 4), first);
        assertEquals(expected.subList(4, 10), second);
    }

    @Test
    void limitPagesThroughTheRangeInOrder() {
        List<String> pages = new ArrayList<>();
        String from = "2025-03-04";
        for (int page = 0; page < 5; page++) {
            List<String> got = timestamps(from, "2025-03-05", 3);
            if (got.isEmpty()) {
                break;
            }
            pages.addAll(got);
            from = Instant.parse(got.get(got.size() - 1)).plusSeconds(60).toString();
        }
        assertEquals(expected, pages);
    }

    private static void assertProblem(ValidatableResponse response, String detailPart) {
        response.statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", is(400))
                .body("title", is("Bad Request"));
        if (detailPart != null) {
            response.body("detail", containsString(detailPart));
        }
    }

    @Test
    void badRangesAreAnsweredWithProblemJson() {
        assertProblem(bars(null, "2025-03-05", null), "from is required");
        assertProblem(bars("2025-03-04", null, null), "to is required");
        assertProblem(bars("yesterday", "2025-03-05", null), "neither an ISO date");
        assertProblem(bars("2025-03-05", "2025-03-05", null), "from must be before to");
        assertProblem(bars("2025-03-06", "2025-03-05", null), "from must be before to");
        assertProblem(bars("2025-02-01", "2025-03-05", null), "longer than 31 days");
        assertProblem(bars("2025-03-04", "2025-03-05", 0), null);
        assertProblem(bars("2025-03-04", "2025-03-05", 1_000_000), "limit must be at most");
        bars("2025-02-02", "2025-03-05", null).statusCode(200); // exactly 31 days is allowed for 1m bars
    }

    @Test
    void dailyBarsMayBeAskedForOverLongerRanges() {
        new LoaderApi(objectMapper).load(TestBatches.accepted(symbol, BarInterval.ONE_DAY,
                TestBatches.bars(symbol, OPEN, BarInterval.ONE_DAY, 1)));

        daily("2024-01-31", "2025-03-06").statusCode(200).body("size()", is(1)); // exactly 400 days
        assertProblem(daily("2024-01-30", "2025-03-06"), "longer than 400 days");
    }

    private ValidatableResponse daily(String from, String to) {
        return given().queryParam("symbol", symbol).queryParam("interval", "1d").queryParam("from", from)
                .queryParam("to", to).when().get("/v1/bars").then();
    }

    @Test
    void unknownSymbolIsNotFoundButAKnownSymbolWithoutBarsInRangeIsAnEmptyPage() {
        given().queryParam("symbol", TestBatches.uniqueSymbol()).queryParam("interval", "1m")
                .queryParam("from", "2025-03-04").queryParam("to", "2025-03-05").accept("text/csv")
                .when().get("/v1/bars").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", is(404))
                .body("detail", containsString("no 1m bars of symbol"));
        // the symbol has 1m bars, none of them in this range, and no 5m bars at all
        bars("2025-03-05", "2025-03-06", null).statusCode(200).body("size()", is(0))
                .header("Link", org.hamcrest.Matchers.nullValue());
        given().queryParam("symbol", symbol).queryParam("interval", "5m").queryParam("from", "2025-03-04")
                .queryParam("to", "2025-03-05").when().get("/v1/bars").then().statusCode(404);
    }

    @Test
    void missingSymbolAndUnknownIntervalAreProblemJson() {
        assertProblem(given().queryParam("interval", "1m").queryParam("from", "2025-03-04")
                .queryParam("to", "2025-03-05").when().get("/v1/bars").then(), null);
        assertProblem(given().queryParam("symbol", symbol).queryParam("interval", "2m")
                .queryParam("from", "2025-03-04").queryParam("to", "2025-03-05").when().get("/v1/bars").then(),
                "unknown interval");
        assertProblem(given().queryParam("status", "lost").when().get("/v1/quarantine").then(), "unknown status");
        assertProblem(given().queryParam("limit", 0).when().get("/v1/collection-log").then(), null);
    }
}
