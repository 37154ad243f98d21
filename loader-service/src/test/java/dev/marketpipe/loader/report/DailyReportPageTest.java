package dev.marketpipe.loader.report;

import dev.marketpipe.loader.LoaderApi;
import dev.marketpipe.loader.TestBatches;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.marketpipe.loader.report.ReportDays.fromNine;
import static dev.marketpipe.loader.report.ReportDays.issue;
import static dev.marketpipe.loader.report.ReportDays.kst;
import static dev.marketpipe.loader.report.ReportDays.quarantined;
import static dev.marketpipe.loader.report.ReportDays.quietRegularDay;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daily report as an HTML page ({@code Accept: text/html}): heat-map counts, escaping, closed days. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class DailyReportPageTest {

    /** One heat-map cell: {@code data-stored} and {@code data-expected} carry the counts of its tooltip. */
    private static final Pattern CELL = Pattern.compile(
            "<td class=\"cell (c-[a-z]+)\" title=\"([^\"]*)\" data-stored=\"(\\d+)\" data-expected=\"(\\d+)\">");

    @Inject
    ObjectMapper objectMapper;

    static String page(LocalDate day, String interval) {
        return given().accept("text/html").queryParam("date", day.toString()).queryParam("interval", interval)
                .when().get("/v1/reports/daily").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .extract().asString();
    }

    /** The cells of the heat-map row of {@code symbol} (as it appears in the page, escaped), as "stored/expected". */
    static List<String> heatRow(String page, String escapedSymbol) {
        String row = page.lines().filter(l -> l.contains("<tr><th>" + escapedSymbol + "</th><td class=\"cell"))
                .findFirst().orElseThrow(() -> new AssertionError("no heat-map row for " + escapedSymbol));
        List<String> cells = new ArrayList<>();
        Matcher cell = CELL.matcher(row);
        while (cell.find()) {
            cells.add(cell.group(3) + "/" + cell.group(4));
        }
        return cells;
    }

    @Test
    void jsonStaysTheDefault() {
        given().queryParam("date", "2026-03-10").when().get("/v1/reports/daily").then().statusCode(200)
                .contentType(startsWith("application/json")).body("date", is("2026-03-10"));
        given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .queryParam("date", "2026-03-10").when().get("/v1/reports/daily").then().statusCode(200)
                .contentType(startsWith("text/html"));
    }

    @Test
    void theHeatMapHasOneCellPerSymbolAndHalfHourWithTheStoredAndExpectedCounts() {
        LocalDate day = quietRegularDay();
        Instant open = kst(day, 9, 0);
        String symbol = TestBatches.uniqueSymbol();
        // 09:05..09:07 and 15:29 not stored: 27 of 30 in the 09:00 column, 29 of 30 in the 15:00 column
        List<Bar> bars = new ArrayList<>(TestBatches.bars(symbol, open, BarInterval.ONE_MINUTE, 390));
        bars.removeIf(b -> {
            long minute = Duration.between(open, b.timestamp()).toMinutes();
            return (minute >= 5 && minute <= 7) || minute == 389;
        });
        new LoaderApi(objectMapper).load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, bars));

        String page = page(day, "1m");
        List<String> expected = new ArrayList<>();
        expected.add("27/30");
        for (int i = 1; i < 12; i++) {
            expected.add("30/30");
        }
        expected.add("29/30");
        assertEquals(expected, heatRow(page, symbol));
        assertTrue(page.contains("title=\"" + symbol + " 09:00–09:30 KST: 27 of 30 bars stored (90.0%), 3 missing\""),
                "the tooltip carries the numbers");
        assertTrue(page.contains("<th class=\"time\">09:00</th>") && page.contains("<th class=\"time\">15:00</th>"));
        assertTrue(page.contains("<li>09:05–09:08 (3)</li>") && page.contains("<li>15:29–15:30 (1)</li>"),
                "missing intervals listed");
        assertTrue(page.contains("Trading day, session 09:00–15:30 KST, 390 bars of 1m expected per symbol."));
        assertFalse(page.contains("<script") || page.contains("<link") || page.contains("src="),
                "self-contained: no scripts, no external assets");

        // 5-minute bars: the same 13 half-hour columns, of 6 bars each
        new LoaderApi(objectMapper).load(fromNine(symbol, day, BarInterval.FIVE_MINUTES, 78));
        assertEquals(Collections.nCopies(13, "6/6"), heatRow(page(day, "5m"), symbol));
    }

    @Test
    void symbolsAndReasonsAreEscaped() {
        LocalDate day = quietRegularDay();
        String hostile = "<i>\"&'" + UUID.randomUUID().toString().substring(0, 8);
        String rule = "<script>alert(1)</script>";
        Instant at = kst(day, 9, 0);
        new LoaderApi(objectMapper).load(TestBatches.batch(UUID.randomUUID(), hostile, BarInterval.ONE_MINUTE,
                TestBatches.bars(hostile, kst(day, 9, 1), BarInterval.ONE_MINUTE, 2),
                List.of(quarantined(hostile, at, List.of(issue(rule, at)))), List.of()));

        String page = page(day, "1m");
        String escaped = "&lt;i&gt;&quot;&amp;&#39;" + hostile.substring(6);
        assertFalse(page.contains(hostile), "the raw symbol never reaches the page");
        assertFalse(page.contains("<script>"), "the raw reason never reaches the page");
        assertTrue(page.contains("<li>&lt;script&gt;alert(1)&lt;/script&gt;: 1</li>"), page);
        assertEquals(13, heatRow(page, escaped).size());
        assertEquals("2/30", heatRow(page, escaped).get(0));
    }

    @Test
    void aHolidayPageSaysItIsNoTradingDay() {
        String page = page(LocalDate.parse("2026-05-05"), "1m");
        assertTrue(page.contains("Not a trading day (weekend or holiday): no bars were expected."));
        assertTrue(page.contains("Not a trading day: nothing was expected, so there is no heat-map."));
        assertFalse(page.contains("class=\"heat\""));
    }

    @Test
    void theKpisCarryTheirTargetAndColouredStatus() {
        LocalDate day = quietRegularDay();
        String symbol = TestBatches.uniqueSymbol();
        new LoaderApi(objectMapper).load(fromNine(symbol, day, BarInterval.ONE_MINUTE, 10));

        String page = page(day, "1m");
        assertTrue(page.contains("<td>Data quality</td><td class=\"num\">100.00 %</td><td class=\"num\">≥ 99.00 %</td>"
                + "<td class=\"num\">&lt; 98.00 %</td><td><span class=\"status ok\">ok</span></td>"), page);
        assertTrue(page.contains("<td>Completeness</td>"));
        assertTrue(page.contains("<span class=\"status alert\">alert</span>"), "380 missing bars: completeness alert");
        assertTrue(page.contains(".status.alert { background: #c62828; }"), "statuses are coloured inline");
    }
}
