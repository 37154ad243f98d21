package dev.marketpipe.loader.report;

import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;

import static dev.marketpipe.loader.report.ReportDays.quietRegularDay;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code marketpipe.loader.report.symbols}: a configured symbol is reported even when nothing at all arrived; and
 * {@code marketpipe.calendar.extra-holidays} reaches the report's calendar.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(ConfiguredReportSymbolsTest.WithSymbols.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class ConfiguredReportSymbolsTest {

    /** Never loaded by any test. */
    static final String SILENT = "ZZNODATA01";
    /** A Wednesday the shipped calendar trades on. */
    static final String EXTRA_HOLIDAY = "2026-06-10";

    public static class WithSymbols implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.loader.report.symbols", " " + SILENT + " ,",
                    "marketpipe.calendar.extra-holidays", EXTRA_HOLIDAY);
        }
    }

    @Test
    void aConfiguredSymbolWithoutDataIsReportedWithTheWholeSessionMissing() {
        LocalDate day = quietRegularDay();
        String s = "symbols.find { it.symbol == '" + SILENT + "' }.";
        given().queryParam("date", day.toString()).when().get("/v1/reports/daily").then().statusCode(200)
                .body(s + "expectedBars", is(390))
                .body(s + "storedBars", is(0))
                .body(s + "missingBars", is(390))
                .body(s + "missing.from", contains(day + "T09:00:00+09:00"))
                .body(s + "missing.to", contains(day + "T15:30:00+09:00"))
                .body(s + "quarantined", is(0));

        String page = DailyReportPageTest.page(day, "1m");
        assertEquals(Collections.nCopies(13, "0/30"), DailyReportPageTest.heatRow(page, SILENT));
    }

    @Test
    void onAWeekendAConfiguredSymbolExpectsNothing() {
        String s = "symbols.find { it.symbol == '" + SILENT + "' }.";
        given().queryParam("date", "2026-03-14").when().get("/v1/reports/daily").then().statusCode(200)
                .body(s + "expectedBars", is(0))
                .body(s + "missingBars", is(0));
    }

    @Test
    void anOperatorsExtraHolidayExpectsNothing() {
        String s = "symbols.find { it.symbol == '" + SILENT + "' }.";
        given().queryParam("date", EXTRA_HOLIDAY).when().get("/v1/reports/daily").then().statusCode(200)
                .body("tradingDay", is(false))
                .body(s + "expectedBars", is(0));
        given().queryParam("date", "2026-06-11").when().get("/v1/reports/daily").then().statusCode(200)
                .body("tradingDay", is(true))
                .body(s + "expectedBars", is(390));
    }
}
