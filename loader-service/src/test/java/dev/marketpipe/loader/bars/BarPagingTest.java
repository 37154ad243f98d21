package dev.marketpipe.loader.bars;

import dev.marketpipe.loader.LoaderApi;
import dev.marketpipe.loader.TestBatches;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Read API paging returns every bar exactly once across pages; cursor checks and the CSV answer. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class BarPagingTest {

    private static final Instant FIRST = Instant.parse("2025-03-04T00:00:00Z");
    private static final int BARS = 1_000;
    private static final Pattern NEXT = Pattern.compile("^<([^>]+)>;\\s*rel=\"next\"$");

    @Inject
    ObjectMapper objectMapper;

    private LoaderApi api;
    private String symbol;

    @BeforeEach
    void setUp() {
        api = new LoaderApi(objectMapper);
        symbol = TestBatches.uniqueSymbol();
    }

    private ExtractableResponse<Response> firstPage(Integer limit, String accept) {
        var request = given().queryParam("symbol", symbol).queryParam("interval", "1m")
                .queryParam("from", "2025-03-04").queryParam("to", "2025-03-06");
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        if (accept != null) {
            request.accept(accept);
        }
        return request.when().get("/v1/bars").then().statusCode(200).extract();
    }

    private static ExtractableResponse<Response> follow(String url) {
        return given().urlEncodingEnabled(false).when().get(url).then().statusCode(200).extract();
    }

    /** The rel="next" URL of a page, null on the last page. */
    private static String next(ExtractableResponse<Response> page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        assertTrue(matcher.matches(), "an RFC 8288 next link: " + link);
        return matcher.group(1);
    }

    private static List<String> timestamps(ExtractableResponse<Response> page) {
        return page.jsonPath().getList("timestamp", String.class);
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {1, 7, 100, 1000})
    void pagingReturnsEveryBarExactlyOnceInOrder(int limit) {
        List<Bar> bars = TestBatches.bars(symbol, FIRST, BarInterval.ONE_MINUTE, BARS);
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, bars));

        List<String> seen = new ArrayList<>();
        int pages = 0;
        ExtractableResponse<Response> page = firstPage(limit, null);
        while (true) {
            pages++;
            List<String> got = timestamps(page);
            assertTrue(!got.isEmpty() && got.size() <= limit, "page " + pages + " holds 1.." + limit + " bars");
            seen.addAll(got);
            String url = next(page);
            if (url == null) {
                break;
            }
            page = follow(url);
        }

        assertEquals(bars.stream().map(b -> b.timestamp().toString()).toList(), seen);
        assertEquals((BARS + limit - 1) / limit, pages, "no empty last page");
    }

    @Test
    void barStoredBehindTheCursorDoesNotShiftLaterPages() {
        List<Bar> bars = TestBatches.bars(symbol, FIRST, BarInterval.ONE_MINUTE, 100);
        Bar late = bars.get(10);
        List<Bar> withHole = new ArrayList<>(bars);
        withHole.remove(late);
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, withHole));

        List<String> seen = new ArrayList<>();
        ExtractableResponse<Response> page = firstPage(7, null);
        for (int i = 0; i < 3; i++) { // 21 bars answered, the hole at index 10 is behind the cursor
            seen.addAll(timestamps(page));
            page = follow(next(page));
        }
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, List.of(late)));
        while (true) {
            seen.addAll(timestamps(page));
            String url = next(page);
            if (url == null) {
                break;
            }
            page = follow(url);
        }

        assertEquals(withHole.stream().map(b -> b.timestamp().toString()).toList(), seen,
                "every bar once, none repeated because a row appeared behind the cursor");
    }

    @Test
    void csvAnswerParsesBackToTheStoredValuesWithTheSameLink() throws IOException {
        List<Bar> bars = TestBatches.bars(symbol, FIRST, BarInterval.ONE_MINUTE, 5);
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, bars));

        ExtractableResponse<Response> csv = firstPage(3, "text/csv");
        ExtractableResponse<Response> json = firstPage(3, null);

        assertEquals("text/csv;charset=utf-8", csv.contentType().replace(" ", "").toLowerCase());
        String body = csv.asString();
        assertTrue(body.startsWith("timestamp,symbol,open,high,low,close,volume,value,date\r\n"), body);
        List<Map<String, String>> rows = readCsv(body);
        assertEquals(3, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Bar bar = bars.get(i);
            Map<String, String> row = rows.get(i);
            assertEquals(bar.timestamp().toString(), row.get("timestamp"));
            assertEquals(symbol, row.get("symbol"));
            assertSameDecimal(bar.open(), row.get("open"));
            assertSameDecimal(bar.high(), row.get("high"));
            assertSameDecimal(bar.low(), row.get("low"));
            assertSameDecimal(bar.close(), row.get("close"));
            assertEquals(bar.volume().toString(), row.get("volume"));
            assertSameDecimal(bar.value(), row.get("value"));
            assertEquals("", row.get("date"), "intraday bars have no trading date column value");
        }
        assertEquals(json.header("Link"), csv.header("Link"));
        assertNotNull(next(csv));

        ExtractableResponse<Response> last = given().urlEncodingEnabled(false).accept("text/csv").when()
                .get(next(csv)).then().statusCode(200).extract();
        assertEquals(List.of(bars.get(3).timestamp().toString(), bars.get(4).timestamp().toString()),
                readCsv(last.asString()).stream().map(r -> r.get("timestamp")).toList());
        assertNull(next(last));
    }

    @Test
    void dailyCsvCarriesTheTradingDate() throws IOException {
        Bar bar = TestBatches.bars(symbol, FIRST, BarInterval.ONE_DAY, 1).get(0);
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_DAY, List.of(bar)));

        String body = given().queryParam("symbol", symbol).queryParam("interval", "1d")
                .queryParam("from", "2025-03-01").queryParam("to", "2025-03-08").accept("text/csv")
                .when().get("/v1/bars").then().statusCode(200).extract().asString();

        Map<String, String> row = readCsv(body).get(0);
        assertEquals("2025-03-04", row.get("date"));
        assertEquals("2025-03-04T00:00:00Z", row.get("timestamp"));
    }

    @Test
    void badCursorsAreProblemJson() {
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, FIRST, BarInterval.ONE_MINUTE, 3)));
        String otherSymbols = base64Url("2025-03-04T00:00:00Z|" + TestBatches.uniqueSymbol());
        String outOfRange = base64Url("2025-03-09T00:00:00Z|" + symbol);

        for (String cursor : List.of("%%%not-base64", base64Url("no separator"), base64Url("yesterday|" + symbol))) {
            badCursor(cursor, "text/csv").body("detail", containsString("cursor is malformed"));
        }
        badCursor(otherSymbols, null).body("detail", containsString("another symbol or range"));
        badCursor(outOfRange, null).body("detail", containsString("another symbol or range"));
    }

    private io.restassured.response.ValidatableResponse badCursor(String cursor, String accept) {
        var request = given().queryParam("symbol", symbol).queryParam("interval", "1m")
                .queryParam("from", "2025-03-04").queryParam("to", "2025-03-06").queryParam("cursor", cursor);
        if (accept != null) {
            request.accept(accept);
        }
        return request.when().get("/v1/bars").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("status", is(400));
    }

    private static String base64Url(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes());
    }

    private static void assertSameDecimal(BigDecimal expected, String actual) {
        assertEquals(0, expected.compareTo(new BigDecimal(actual)), expected + " vs " + actual);
    }

    private static List<Map<String, String>> readCsv(String body) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(body)) {
            return rows.readAll();
        }
    }
}
