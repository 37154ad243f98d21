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
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.marketpipe.loader.report.ReportDays.issue;
import static dev.marketpipe.loader.report.ReportDays.kst;
import static dev.marketpipe.loader.report.ReportDays.quarantined;
import static dev.marketpipe.loader.report.ReportDays.quietRegularDay;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class DailyReportTest {

    @Inject
    ObjectMapper objectMapper;

    private String symbol;
    private LoaderApi loader;

    @BeforeEach
    void setUp() {
        symbol = TestBatches.uniqueSymbol();
        loader = new LoaderApi(objectMapper);
    }

    private static ValidatableResponse report(String date, String interval) {
        // doubles as Double, not RestAssured's default Float, so closeTo compares the exact ratios
        var request = given().config(RestAssuredConfig.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
        if (date != null) {
            request.queryParam("date", date);
        }
        if (interval != null) {
            request.queryParam("interval", interval);
        }
        return request.when().get("/v1/reports/daily").then();
    }

    private static String path(String symbol) {
        return "symbols.find { it.symbol == '" + symbol + "' }.";
    }

    @Test
    void aDayWithAHoleAndQuarantinedBarsGivesExactCountsAndGradedKpis() {
        LocalDate day = quietRegularDay();
        Instant open = kst(day, 9, 0);
        // 390 expected bars; 09:05..09:07 and 15:29 not stored; 09:05 and 09:06 quarantined instead
        List<Bar> bars = new ArrayList<>(TestBatches.bars(symbol, open, BarInterval.ONE_MINUTE, 390));
        bars.removeIf(b -> {
            long minute = Duration.between(open, b.timestamp()).toMinutes();
            return (minute >= 5 && minute <= 7) || minute == 389;
        });
        Instant at0905 = kst(day, 9, 5);
        Instant at0906 = kst(day, 9, 6);
        loader.load(TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.ONE_MINUTE, bars, List.of(
                quarantined(symbol, at0905, List.of(issue("price_out_of_range", at0905))),
                quarantined(symbol, at0906,
                        List.of(issue("price_out_of_range", at0906), issue("missing_field", at0906)))),
                List.of()));

        String s = path(symbol);
        report(day.toString(), null).statusCode(200)
                .body("date", is(day.toString()))
                .body("interval", is("1m"))
                .body("tradingDay", is(true))
                .body("sessionOpen", is(day + "T09:00:00+09:00"))
                .body("expectedBars", is(390))
                .body("symbols", hasSize(1))
                .body(s + "expectedBars", is(390))
                .body(s + "storedBars", is(386))
                .body(s + "missingBars", is(4))
                .body(s + "missing.from", contains(day + "T09:05:00+09:00", day + "T15:29:00+09:00"))
                .body(s + "missing.to", contains(day + "T09:08:00+09:00", day + "T15:30:00+09:00"))
                .body(s + "missing.bars", contains(3, 1))
                .body(s + "quarantined", is(2))
                .body(s + "quarantinedByReason.price_out_of_range", is(2))
                .body(s + "quarantinedByReason.missing_field", is(1))
                .body(s + "qualityScore", closeTo(386.0 / 388, 1e-9))
                // 98.97% < 99 alert; 4 missing is above the target 0 but not above 5; 99.48% >= 99
                .body("kpis.completeness.value", closeTo(100.0 * 386 / 390, 1e-9))
                .body("kpis.completeness.status", is("alert"))
                .body("kpis.missingIntervals.value", closeTo(4, 1e-9))
                .body("kpis.missingIntervals.target", closeTo(0, 1e-9))
                .body("kpis.missingIntervals.alertThreshold", closeTo(5, 1e-9))
                .body("kpis.missingIntervals.status", is("warning"))
                .body("kpis.quality.value", closeTo(100.0 * 386 / 388, 1e-9))
                .body("kpis.quality.target", closeTo(99, 1e-9))
                .body("kpis.quality.alertThreshold", closeTo(98, 1e-9))
                .body("kpis.quality.status", is("ok"));
    }

    @Test
    void aSymbolWithOnlyQuarantinedRecordsIsListedWithEverythingMissing() {
        LocalDate day = LocalDate.parse("2026-03-10");
        Instant at = kst(day, 10, 0);
        loader.load(TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.FIVE_MINUTES, List.of(),
                List.of(quarantined(symbol, at, List.of(issue("ohlc_inconsistent", at)))), List.of()));

        String s = path(symbol);
        report(day.toString(), "5m").statusCode(200)
                .body("expectedBars", is(78))
                .body(s + "storedBars", is(0))
                .body(s + "missingBars", is(78))
                .body(s + "missing.from", contains(day + "T09:00:00+09:00"))
                .body(s + "missing.to", contains(day + "T15:30:00+09:00"))
                .body(s + "quarantinedByReason.ohlc_inconsistent", is(1))
                .body(s + "qualityScore", closeTo(0, 1e-9));
    }

    @Test
    void anApprovedRecordCountsAsStoredNotAsQuarantined() {
        LocalDate day = LocalDate.parse("2026-03-11");
        Instant at = kst(day, 9, 2);
        loader.load(TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, kst(day, 9, 0), BarInterval.ONE_MINUTE, 2),
                List.of(quarantined(symbol, at, List.of(issue("price_out_of_range", at)))), List.of()));
        String s = path(symbol);
        report(day.toString(), null).statusCode(200).body(s + "quarantined", is(1));

        int id = given().queryParam("symbol", symbol).when().get("/v1/quarantine").then().statusCode(200)
                .extract().path("[0].id");
        given().when().post("/v1/quarantine/" + id + "/approve").then().statusCode(200);

        report(day.toString(), null).statusCode(200)
                .body(s + "storedBars", is(3))
                .body(s + "quarantined", is(0))
                .body(s + "qualityScore", closeTo(1.0, 1e-9))
                .body(s + "missing.from", contains(day + "T09:03:00+09:00"));
    }

    @Test
    void aHolidayIsNoTradingDayAndExpectsNothing() {
        LocalDate childrensDay = LocalDate.parse("2026-05-05");
        loader.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, kst(childrensDay, 9, 0), BarInterval.ONE_MINUTE, 2)));

        String s = path(symbol);
        report("2026-05-05", "1m").statusCode(200)
                .body("tradingDay", is(false))
                .body("sessionOpen", nullValue())
                .body("expectedBars", is(0))
                .body(s + "expectedBars", is(0))
                .body(s + "storedBars", is(2))
                .body(s + "missingBars", is(0))
                .body(s + "missing", empty());
    }

    @Test
    void aWeekendWithNothingStoredIsAnEmptyReport() {
        report("2026-03-14", null).statusCode(200)
                .body("tradingDay", is(false))
                .body("expectedBars", is(0))
                .body("symbols", empty())
                .body("kpis.completeness.status", is("ok"));
    }

    @Test
    void theCollegeEntranceExamDayExpectsItsShiftedSession() {
        // CSAT 2026-11-19: 10:00-16:30 KST. Bars stored on the usual 09:00-15:30 grid miss the last hour.
        LocalDate csat = LocalDate.parse("2026-11-19");
        loader.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, kst(csat, 9, 0), BarInterval.ONE_MINUTE, 390)));

        String s = path(symbol);
        report("2026-11-19", "1m").statusCode(200)
                .body("sessionOpen", is("2026-11-19T10:00:00+09:00"))
                .body("sessionClose", is("2026-11-19T16:30:00+09:00"))
                .body("expectedBars", is(390))
                .body(s + "storedBars", is(390))
                .body(s + "missingBars", is(60))
                .body(s + "missing.from", contains("2026-11-19T15:30:00+09:00"))
                .body(s + "missing.to", contains("2026-11-19T16:30:00+09:00"));
    }

    @Test
    void theLateOpeningFirstTradingDayExpectsFewerBars() {
        // 2026-01-02 opens at 10:00 and closes at 15:30 KST: 330 one-minute bars instead of 390
        report("2026-01-02", "1m").statusCode(200)
                .body("tradingDay", is(true))
                .body("sessionOpen", is("2026-01-02T10:00:00+09:00"))
                .body("expectedBars", is(330));
        report("2026-01-02", "1d").statusCode(200).body("expectedBars", is(1));
    }

    @Test
    void aBadDateOrIntervalIsA400Problem() {
        assertProblem(report("2026-13-40", null), "date must be an ISO date");
        assertProblem(report(null, null), "date is required");
        assertProblem(report("2026-03-10", "2m"), "unknown interval");
    }

    private static void assertProblem(ValidatableResponse response, String detailPart) {
        response.statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", is(400))
                .body("detail", containsString(detailPart));
    }
}
