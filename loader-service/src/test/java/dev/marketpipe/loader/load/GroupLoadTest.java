package dev.marketpipe.loader.load;

import dev.marketpipe.loader.LoaderDatabaseTest;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.ValidatedBatch;
import dev.marketpipe.wire.ValidatedBatchGroup;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code POST /v1/loads/groups} against the real PostgreSQL behind the loader. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"pipeline"})
class GroupLoadTest extends LoaderDatabaseTest {

    private static final Instant OPEN_2025_03_04 = Instant.parse("2025-03-04T00:00:00Z");
    private static final Instant OPEN_2025_03_05 = Instant.parse("2025-03-05T00:00:00Z");

    private ValidatableResponse postGroup(ValidatedBatch... batches) {
        return given().contentType(ContentType.JSON).body(api.write(new ValidatedBatchGroup(List.of(batches))))
                .when().post("/v1/loads/groups").then();
    }

    private static ValidatedBatch minutes(String symbol, Instant first, int n) {
        return TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, first, BarInterval.ONE_MINUTE, n));
    }

    @Test
    void everyBatchOfAGroupIsStoredWithItsOwnLedgerRowLogRowAndResult() {
        String other = TestBatches.uniqueSymbol();
        ValidatedBatch first = minutes(symbol, OPEN_2025_03_04, 5);
        ValidatedBatch second = minutes(other, OPEN_2025_03_04, 3);
        ValidatedBatch third = minutes(symbol, OPEN_2025_03_05, 2);

        postGroup(first, second, third).statusCode(200)
                .body("results", hasSize(3))
                .body("results[0].batchId", equalTo(first.batchId().toString()))
                .body("results[0].status", equalTo(200))
                .body("results[0].receipt.rowsChanged", equalTo(5))
                .body("results[1].receipt.rowsChanged", equalTo(3))
                .body("results[2].receipt.rowsChanged", equalTo(2))
                .body("results[2].receipt.duplicate", equalTo(false));

        assertEquals(7, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
        assertEquals(3, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", other));
        for (ValidatedBatch batch : List.of(first, second, third)) {
            assertEquals(1, db.count("SELECT count(*) FROM loaded_batch WHERE batch_id = ?", batch.batchId()));
            assertEquals(1, db.count("SELECT count(*) FROM data_collection_log WHERE batch_id = ?",
                    batch.batchId()));
        }
    }

    @Test
    void aBatchLoadedBeforeIsADuplicateAndTheRestOfTheGroupLoads() {
        ValidatedBatch loadedBefore = minutes(symbol, OPEN_2025_03_04, 5);
        api.load(loadedBefore);
        ValidatedBatch fresh = minutes(symbol, OPEN_2025_03_05, 4);

        postGroup(loadedBefore, fresh).statusCode(200)
                .body("results[0].receipt.duplicate", equalTo(true))
                .body("results[1].receipt.duplicate", equalTo(false))
                .body("results[1].receipt.rowsChanged", equalTo(4));

        assertEquals(9, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
        assertEquals(2, db.count("SELECT count(*) FROM data_collection_log WHERE symbol = ?", symbol));
    }

    @Test
    void aBatchThatCannotBeStoredAsReceivedIsRefusedAloneAndNotWritten() {
        String other = TestBatches.uniqueSymbol();
        List<Bar> bars = new ArrayList<>(TestBatches.bars(other, OPEN_2025_03_04, BarInterval.ONE_MINUTE, 2));
        Bar bar = bars.get(1);
        bars.set(1, new Bar(bar.timestamp(), other, bar.open(), bar.high(), bar.low(), null, bar.volume(), null));
        ValidatedBatch withoutClose = TestBatches.accepted(other, BarInterval.ONE_MINUTE, bars);
        ValidatedBatch good = minutes(symbol, OPEN_2025_03_04, 3);

        postGroup(withoutClose, good).statusCode(200)
                .body("results[0].status", equalTo(422))
                .body("results[0].detail", containsString("close"))
                .body("results[1].status", equalTo(200));

        assertEquals(0, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", other));
        assertEquals(0, db.count("SELECT count(*) FROM loaded_batch WHERE batch_id = ?", withoutClose.batchId()));
        assertEquals(3, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
    }

    @Test
    void anEmptyGroupOrABatchTwiceIsA400AndNothingIsWritten() {
        given().contentType(ContentType.JSON).body("{\"batches\":[]}").when().post("/v1/loads/groups")
                .then().statusCode(400).contentType("application/problem+json");
        ValidatedBatch batch = minutes(symbol, OPEN_2025_03_04, 2);
        postGroup(batch, batch).statusCode(400).body("detail", containsString("twice"));
        assertEquals(0, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
    }
}
