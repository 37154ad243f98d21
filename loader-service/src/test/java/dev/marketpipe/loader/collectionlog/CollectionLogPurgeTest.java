package dev.marketpipe.loader.collectionlog;

import dev.marketpipe.loader.Db;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.testsupport.Management;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code data_collection_log} keeps 90 days of logs; older rows are purged, in chunks. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class CollectionLogPurgeTest {

    @Inject
    DataSource dataSource;

    @Inject
    CollectionLogPurge purge;

    @Test
    void rowsOlderThan90DaysArePurgedInChunksAndYoungerOnesKept() throws Exception {
        Db db = new Db(dataSource);
        String symbol = TestBatches.uniqueSymbol();
        Instant now = Instant.now();
        // 25,000 rows past the retention: three chunks of at most 10,000 rows
        insert(db, symbol, now.minus(Duration.ofDays(91)), 25_000);
        insert(db, symbol, now.minus(Duration.ofDays(89)), 7);
        double before = purgedMetric();

        long deleted = purge.purge(now);

        assertEquals(25_000, deleted);
        assertEquals(7, db.count("SELECT count(*) FROM data_collection_log WHERE symbol = ?", symbol));
        assertEquals(7, db.count("SELECT count(*) FROM data_collection_log WHERE symbol = ? AND \"timestamp\" = ?",
                symbol, Timestamp.from(now.minus(Duration.ofDays(89)))));
        assertEquals(before + 25_000, purgedMetric());
        assertEquals(0, purge.purge(now), "nothing left to purge");
    }

    private static void insert(Db db, String symbol, Instant at, int rows) {
        db.execute("INSERT INTO data_collection_log (\"timestamp\", symbol, \"interval\", status, records_collected) "
                + "SELECT '" + at + "'::timestamptz, '" + symbol + "', '1m', 'success', 1 FROM generate_series(1, "
                + rows + ")");
    }

    private static double purgedMetric() {
        String text = given().when().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^marketpipe_loader_collection_log_rows_purged_total(\\{[^}]*})? (\\S+)$")
                .matcher(text);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }
}
