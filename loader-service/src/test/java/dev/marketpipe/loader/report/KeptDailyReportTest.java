package dev.marketpipe.loader.report;

import dev.marketpipe.loader.Db;
import dev.marketpipe.loader.LoaderApi;
import dev.marketpipe.loader.TestBatches;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static dev.marketpipe.loader.report.ReportDays.fromNine;
import static dev.marketpipe.loader.report.ReportDays.quietRegularDay;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The after-close job keeps each day's report (one row per day and interval) and purges old ones. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class KeptDailyReportTest {

    @Inject
    ReportKeeper keeper;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper objectMapper;

    /** A quiet 2027 trading day with no report kept yet (kept rows survive between tests). */
    private LocalDate dayWithoutKeptReport() {
        while (true) {
            LocalDate day = quietRegularDay();
            if (new Db(dataSource).count("SELECT count(*) FROM daily_report WHERE trading_date = ?", day) == 0) {
                return day;
            }
        }
    }

    private List<OffsetDateTime> generatedAt(LocalDate day, String interval) {
        return new Db(dataSource).rows("SELECT generated_at FROM daily_report WHERE trading_date = ? AND "
                + "bar_interval = ?", day, interval).stream().map(r -> (OffsetDateTime) r.get("generated_at")).toList();
    }

    @Test
    void theAfterCloseJobKeepsOneRowAndASecondRunReplacesIt() {
        LocalDate day = dayWithoutKeptReport();
        String symbol = TestBatches.uniqueSymbol();
        new LoaderApi(objectMapper).load(fromNine(symbol, day, BarInterval.ONE_MINUTE, 390));

        assertEquals(List.of(BarInterval.ONE_MINUTE), keeper.afterClose(day).generated());
        List<OffsetDateTime> first = generatedAt(day, "1m");
        assertEquals(1, first.size());
        String html = (String) new Db(dataSource).value("SELECT html FROM daily_report WHERE trading_date = ?", day);
        assertTrue(html.contains("<tr><th>" + symbol + "</th>"), "the page is kept with the report");
        assertEquals(Boolean.TRUE, new Db(dataSource).value("SELECT report @> ?::jsonb FROM daily_report "
                + "WHERE trading_date = ?", "{\"symbols\":[{\"symbol\":\"" + symbol + "\",\"storedBars\":390}]}", day));

        keeper.afterClose(day);
        List<OffsetDateTime> second = generatedAt(day, "1m");
        assertEquals(1, second.size(), "regenerating replaces the row");
        assertTrue(second.get(0).isAfter(first.get(0)), second + " after " + first);
    }

    @Test
    void onAClosedDayTheJobKeepsNothing() {
        LocalDate saturday = LocalDate.parse("2027-03-13");
        assertEquals(List.of(), keeper.afterClose(saturday).generated());
        assertEquals(0, new Db(dataSource).count("SELECT count(*) FROM daily_report WHERE trading_date = ?",
                saturday));
    }

    @Test
    void theJobPurgesReportsOlderThanKeepDays() {
        LocalDate old = LocalDate.parse("2020-01-02");
        keeper.keep(old, BarInterval.FIVE_MINUTES);
        LocalDate today = dayWithoutKeptReport();
        LocalDate oldestKept = today.minusDays(400);
        keeper.keep(oldestKept, BarInterval.FIVE_MINUTES);

        assertTrue(keeper.afterClose(today).purged() >= 1);
        assertEquals(0, new Db(dataSource).count("SELECT count(*) FROM daily_report WHERE trading_date = ?", old));
        assertEquals(1, new Db(dataSource).count("SELECT count(*) FROM daily_report WHERE trading_date = ?",
                oldestKept), "a report exactly keep-days old stays");
    }

    @Test
    void aManualGenerationIsCreatedThenReplacedAndServedAsKept() {
        LocalDate day = dayWithoutKeptReport();
        String path = "/v1/reports/daily/" + day + "/generations";
        given().queryParam("interval", "5m").when().post(path).then().statusCode(201)
                .header("Location", endsWith("/v1/reports/daily/kept/" + day + "?interval=5m"))
                .header("Last-Modified", containsString("GMT"))
                .body("date", is(day.toString())).body("interval", is("5m")).body("expectedBars", is(78));
        given().queryParam("interval", "5m").when().post(path).then().statusCode(200)
                .body("date", is(day.toString()));
        assertEquals(1, generatedAt(day, "5m").size());

        given().queryParam("interval", "5m").when().get("/v1/reports/daily/kept/" + day).then().statusCode(200)
                .contentType(startsWith("application/json")).body("date", is(day.toString()))
                .body("kpis.quality.status", is("ok"));
        String page = given().accept("text/html").queryParam("interval", "5m")
                .when().get("/v1/reports/daily/kept/" + day).then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        assertTrue(page.contains("Daily report " + day + " · 5m"), page);

        given().queryParam("limit", 1000).when().get("/v1/reports/daily/kept").then().statusCode(200)
                .body("findAll { it.date == '" + day + "' }.interval", hasItem("5m"))
                .body("find { it.date == '" + day + "' && it.interval == '5m' }.status", is("ok"))
                .body("find { it.date == '" + day + "' && it.interval == '5m' }.generatedAt", startsWith("20"));
    }

    @Test
    void noKeptReportIsA404ProblemAndBadInputA400() {
        LocalDate day = dayWithoutKeptReport();
        given().when().get("/v1/reports/daily/kept/" + day).then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", is(404)).body("detail", containsString("no daily report of " + day));
        given().accept("text/html").when().get("/v1/reports/daily/kept/" + day).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().when().post("/v1/reports/daily/2026-02-30/generations").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("date must be an ISO date"));
        given().queryParam("interval", "2m").when().post("/v1/reports/daily/" + day + "/generations").then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("unknown interval"));
        given().queryParam("limit", 0).when().get("/v1/reports/daily/kept").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }
}
