package dev.marketpipe.loader.database;

import dev.marketpipe.loader.LoaderDatabaseTest;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.loader.health.WriteProbe;
import dev.marketpipe.testsupport.Management;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.ValidatedBatch;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Database errors other than "connection lost" ({@link DatabaseOutageTest}), each caused by a real
 * PostgreSQL error with its real SQL state on the real load path: a write race that escapes the upsert is run again
 * (then 409 / 503, never 500), and a disk that is really full (a tablespace on a small tmpfs) turns readiness DOWN
 * with one ERROR line and a metric, and back UP once a write fits again.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class DatabaseFaultTest extends LoaderDatabaseTest {

    private static final Instant OPEN_2025_03_04 = Instant.parse("2025-03-04T00:00:00Z");

    @Inject
    WriteProbe writeProbe;

    @AfterEach
    void dropTestTrigger() {
        String name = "fail_" + symbol.toLowerCase();
        sql("DROP TRIGGER IF EXISTS " + name + " ON data_collection_log");
        sql("DROP FUNCTION IF EXISTS " + name + "()");
        sql("DROP SEQUENCE IF EXISTS " + name);
    }

    @Test
    void aUniqueViolationMetOnceIsRunAgainAndLoadsOnce() {
        failLogRowsOf(symbol, "23505", 1);
        double before = metric("duplicate_key");

        api.post(batch(3)).statusCode(200).body("rowsChanged", is(3)).body("duplicate", is(false));

        assertEquals(before + 1, metric("duplicate_key"));
        assertEquals(3, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
        assertEquals(1, db.count("SELECT count(*) FROM data_collection_log WHERE symbol = ?", symbol));
    }

    @Test
    void aLastingUniqueViolationAnswers409ProblemAndStoresNothing() {
        failLogRowsOf(symbol, "23505", 1000);

        api.post(batch(3)).statusCode(409).contentType(startsWith("application/problem+json"))
                .body("status", is(409))
                .body("detail", is("a concurrent request stored the same record; retry to read its result"));

        assertEquals(0, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
        assertEquals(0, db.count("SELECT count(*) FROM loaded_batch WHERE symbol = ?", symbol));
    }

    @Test
    void aLastingDeadlockAnswers503SoTheOutboxRetries() {
        failLogRowsOf(symbol, "40P01", 1000);

        api.post(batch(3)).statusCode(503).contentType(startsWith("application/problem+json"))
                .body("detail", is("concurrent writes to the same rows; retry later"));
        given().when().get(Management.url("/q/health/ready")).then().statusCode(200);
    }

    @Test
    void aFullDiskTurnsReadinessDownWithOneErrorLineAndAWriteThatFitsAgainBringsItBack() throws Exception {
        Assumptions.assumeTrue(ConfigProvider.getConfig().getOptionalValue(PostgresTestResource.SCRIPT_PROPERTY,
                String.class).isPresent(), "only with the throwaway cluster this test run started");
        Path mount = Path.of("target/pg-tiny-disk").toAbsolutePath();
        Files.createDirectories(mount);
        // room for the table as it is (other tests wrote to it) and 2 MB more to fill
        long sizeKb = db.count("SELECT pg_relation_size('data_collection_log') / 1024") + 2048;
        int mounted = run("mount", "-t", "tmpfs", "-o", "size=" + sizeKb + "k", "tmpfs", mount.toString());
        Assumptions.assumeTrue(mounted == 0, "mounting a tmpfs is not allowed here");
        String tablespace = "tiny_disk";
        ErrorLines errors = new ErrorLines("dev.marketpipe.loader.database.DatabaseWritability");
        try {
            assertEquals(0, run("chown", "postgres:postgres", mount.toString()));
            sql("CREATE TABLESPACE " + tablespace + " LOCATION '" + mount + "'");
            sql("CREATE TABLE tiny_disk_ballast TABLESPACE " + tablespace
                    + " AS SELECT repeat('x', 500) AS filler FROM generate_series(1, 500)");
            sql("ALTER TABLE data_collection_log SET TABLESPACE " + tablespace);
            fillWithProbeSizedRows();
            double before = metric("disk_full");
            ValidatedBatch batch = batch(5);

            api.post(batch).statusCode(503).contentType(startsWith("application/problem+json"))
                    .body("detail", is("the database cannot store data right now (disk_full); retry later"));
            api.post(batch).statusCode(503);

            assertEquals(before + 2, metric("disk_full"));
            assertEquals(1, errors.count(), "one ERROR line when the database stops writing, not one per request");
            given().when().get(Management.url("/q/health/ready")).then().statusCode(503)
                    .body("checks.find { it.name == 'database-writable' }.status", is("DOWN"))
                    .body("checks.find { it.name == 'database-writable' }.data.fault", is("disk_full"));
            given().when().get(Management.url("/q/health/live")).then().statusCode(200);
            assertFalse(writeProbe.probe(), "the disk is still full");
            given().when().get(Management.url("/q/health/ready")).then().statusCode(503);
            assertEquals(0, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));

            sql("DROP TABLE tiny_disk_ballast"); // the operator frees space
            assertTrue(writeProbe.probe(), "room again");
            given().when().get(Management.url("/q/health/ready")).then().statusCode(200)
                    .body("checks.name", hasItem("database-writable"));
            api.post(batch).statusCode(200).body("rowsChanged", is(5)).body("duplicate", is(false));
            assertEquals(1, errors.count());
        } finally {
            errors.close();
            sql("DROP TABLE IF EXISTS tiny_disk_ballast");
            sql("DELETE FROM data_collection_log WHERE status = 'probe'");
            sql("ALTER TABLE data_collection_log SET TABLESPACE pg_default");
            sql("DROP TABLESPACE IF EXISTS " + tablespace);
            run("umount", mount.toString());
            writeProbe.probe();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private ValidatedBatch batch(int bars) {
        return TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, OPEN_2025_03_04, BarInterval.ONE_MINUTE, bars));
    }

    /**
     * A test-only trigger: the first {@code times} inserts of a log row for {@code symbol} fail with a real server
     * error of SQL state {@code state} (counted by a sequence, which a rollback does not undo).
     */
    private void failLogRowsOf(String symbol, String state, int times) {
        String name = "fail_" + symbol.toLowerCase();
        sql("CREATE SEQUENCE " + name);
        sql("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.symbol = '" + symbol + "' AND nextval('" + name + "') <= " + times + " THEN "
                + "RAISE EXCEPTION 'test fault' USING ERRCODE = '" + state + "'; END IF; RETURN NEW; END $$");
        sql("CREATE TRIGGER " + name + " BEFORE INSERT ON data_collection_log FOR EACH ROW EXECUTE FUNCTION "
                + name + "()");
    }

    /**
     * Fills the tablespace with rows the size of the write probe's, in ever smaller chunks until not even one more
     * fits: then every page is full for a probe row and for a load's (larger) log row.
     */
    private void fillWithProbeSizedRows() {
        for (int chunk = 10_000; chunk >= 1; chunk /= 10) {
            while (true) {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO data_collection_log (status, error_message) SELECT 'probe', "
                            + "'write probe, rolled back' FROM generate_series(1, " + chunk + ")");
                } catch (SQLException e) {
                    assertEquals("53100", e.getSQLState(), e.getMessage());
                    break;
                }
            }
        }
    }

    private void sql(String statement) {
        db.execute(statement);
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    private static double metric(String kind) {
        String text = given().when().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^marketpipe_loader_database_faults_total\\{[^}]*kind=\"" + kind
                + "\"[^}]*} (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** Counts the ERROR records one logger writes while open. */
    private static final class ErrorLines extends Handler implements AutoCloseable {
        private final Logger logger;
        private final List<LogRecord> errors = new ArrayList<>();

        ErrorLines(String logger) {
            this.logger = Logger.getLogger(logger);
            this.logger.addHandler(this);
        }

        synchronized int count() {
            return errors.size();
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
