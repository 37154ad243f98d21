package dev.marketpipe.loader.bars;

import dev.marketpipe.loader.LoaderDatabaseTest;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.BarWindow;
import dev.marketpipe.wire.BarWindows;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** {@code POST /v1/bars/windows} against the real PostgreSQL behind the loader. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"pipeline"})
class BarWindowsTest extends LoaderDatabaseTest {

    private static final Instant OPEN_2025_03_04 = Instant.parse("2025-03-04T00:00:00Z");

    private ValidatableResponse ask(BarWindow... windows) {
        return given().contentType(ContentType.JSON).body(api.write(new BarWindows(List.of(windows))))
                .when().post("/v1/bars/windows").then();
    }

    @Test
    void eachWindowIsAnsweredWithItsStoredBarsInTheOrderAsked() {
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, OPEN_2025_03_04, BarInterval.ONE_MINUTE, 5)));
        String unknown = TestBatches.uniqueSymbol();

        ask(new BarWindow(unknown, BarInterval.ONE_MINUTE, OPEN_2025_03_04, OPEN_2025_03_04.plusSeconds(3600)),
                new BarWindow(symbol, BarInterval.ONE_MINUTE, OPEN_2025_03_04.plusSeconds(60),
                        OPEN_2025_03_04.plusSeconds(240)))
                .statusCode(200)
                .body("windows", hasSize(2))
                .body("windows[0].window.symbol", equalTo(unknown))
                .body("windows[0].bars", empty())
                .body("windows[1].window.symbol", equalTo(symbol))
                .body("windows[1].bars", hasSize(3))
                .body("windows[1].bars[0].timestamp", equalTo("2025-03-04T00:01:00Z"))
                .body("windows[1].bars[2].timestamp", equalTo("2025-03-04T00:03:00Z"));
    }

    @Test
    void noWindowsAnEmptyWindowOrOneTooLongIsA400() {
        given().contentType(ContentType.JSON).body("{\"windows\":[]}").when().post("/v1/bars/windows")
                .then().statusCode(400).contentType("application/problem+json");
        ask(new BarWindow(symbol, BarInterval.ONE_MINUTE, OPEN_2025_03_04, OPEN_2025_03_04))
                .statusCode(400).body("detail", containsString("from must be before to"));
        ask(new BarWindow(symbol, BarInterval.ONE_MINUTE, OPEN_2025_03_04, OPEN_2025_03_04.plusSeconds(86400 * 40)))
                .statusCode(400).body("detail", containsString("longer than"));
    }
}
