package dev.marketpipe.simulator.data;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code PUT /simulator/discrepancies}: one planted daily-bar difference, everything else the ground truth. */
@QuarkusTest
class DiscrepancyControlTest {

    private static final BarGenerator TRUTH = new BarGenerator(42, MarketCalendar.krx(), 0.0);

    @AfterEach
    void clear() {
        given().delete("/simulator/discrepancies").then().statusCode(204);
    }

    private static List<Map<String, Object>> daily(String symbol) {
        return MarketApiTest.authorized().queryParam("symbol", symbol).queryParam("interval", "1d")
                .queryParam("start_date", "2025-03-04").queryParam("end_date", "2025-03-07")
                .get("/market/data").then().statusCode(200).extract().jsonPath().getList("data");
    }

    private static long truth(String symbol, String date, java.util.function.Function<Bar, java.math.BigDecimal> field) {
        return field.apply(TRUTH.servedBars(symbol, BarInterval.ONE_DAY, LocalDate.parse(date)).get(0)).longValueExact();
    }

    @Test
    void aPlantedDiscrepancyChangesExactlyThatDailyValue() {
        given().contentType(ContentType.JSON)
                .body("{\"symbol\":\"005930\",\"date\":\"2025-03-05\",\"field\":\"close\",\"delta\":100}")
                .put("/simulator/discrepancies").then().statusCode(200).body("$", hasSize(1));

        List<Map<String, Object>> bars = daily("005930");
        assertEquals(4, bars.size()); // 2025-03-03 is a substitute holiday
        for (Map<String, Object> bar : bars) {
            String date = ((String) bar.get("timestamp")).substring(0, 10);
            long expectedClose = truth("005930", date, Bar::close) + (date.equals("2025-03-05") ? 100 : 0);
            assertEquals(expectedClose, ((Number) bar.get("close")).longValue(), date);
            assertEquals(truth("005930", date, Bar::open), ((Number) bar.get("open")).longValue(), date);
        }
        Map<String, Object> other = daily("000660").get(1);
        assertEquals(truth("000660", "2025-03-05", Bar::close), ((Number) other.get("close")).longValue());

        given().delete("/simulator/discrepancies").then().statusCode(204);
        assertEquals(truth("005930", "2025-03-05", Bar::close), ((Number) daily("005930").get(1).get("close")).longValue());
    }

    @Test
    void badDiscrepanciesAreProblems() {
        given().contentType(ContentType.JSON)
                .body("{\"symbol\":\"005930\",\"date\":\"2025-03-05\",\"field\":\"colour\",\"delta\":1}")
                .put("/simulator/discrepancies").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"symbol\":\"999999\",\"date\":\"2025-03-05\",\"field\":\"close\",\"delta\":1}")
                .put("/simulator/discrepancies").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"symbol\":\"005930\"}")
                .put("/simulator/discrepancies").then().statusCode(400).contentType("application/problem+json");
    }
}
