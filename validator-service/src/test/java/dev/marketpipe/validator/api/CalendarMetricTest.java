package dev.marketpipe.validator.api;

import dev.marketpipe.testsupport.Management;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * The validator exports the last date its KRX calendar covers (market-contracts' CalendarMetrics, from the
 * validator's own calendar bean): 2027-12-31 00:00 KST, what the alert KrxCalendarEnding watches.
 */
@QuarkusTest
@WithTestResource(LoaderWireMock.class)
class CalendarMetricTest {

    @Test
    void theCalendarsLastCoveredDateIsAGauge() {
        given().when().get(Management.url("/q/metrics")).then().statusCode(200)
                .body(matchesPattern("(?s).*\\nmarketpipe_calendar_last_covered_date_timestamp_seconds(\\{[^}]*})? "
                        + "1\\.8301788E9\\n.*"));
    }
}
