package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.SourceRole;
import dev.marketpipe.wire.ValidatedBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The weekly database backup through the commands a person runs: {@code ./marketpipe db-backup} of a database
 * the loader filled, {@code ./marketpipe db-restore} into an empty database and, with {@code --force}, over a changed
 * one. Every table (market tables, quarantine, collection log, Flyway's history) and every sequence comes back with
 * the same content checksum; a restore over a database that holds tables is refused without {@code --force}.
 */
class DatabaseBackupSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final MarketCalendar CALENDAR = MarketCalendar.krx();
    private static final BarGenerator MARKET = new BarGenerator(23, CALENDAR, 0);
    private static final LocalDate DAY = LocalDate.parse("2025-03-04");

    private static Path root;
    private static Path work;
    private static ThrowawayPostgres postgres;
    private static ServiceProcess loader;

    @BeforeAll
    static void startDatabaseAndLoader() throws Exception {
        root = Path.of(System.getProperty("marketpipe.repo.root", "..")).toAbsolutePath().normalize();
        work = root.resolve("system-tests/target/system-test-db-backup");
        deleteRecursively(work);
        Files.createDirectories(work);
        postgres = ThrowawayPostgres.start(root, work.resolve("pg"), Pipeline.freePort());
        Assumptions.assumeTrue(postgres.owned(), "creates and replaces databases: only on a server this run started");
        loader = new ServiceProcess("loader-service", root, Pipeline.freePort(),
                Map.of("MARKETPIPE_DB_URL", postgres.jdbcUrl()), work.resolve("logs"));
        ServiceProcess.startAll(List.of(loader));
    }

    @AfterAll
    static void stop() throws Exception {
        ServiceProcess.closeAll(loader == null ? List.of() : List.of(loader), postgres);
    }

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseAndOverAChangedOneGivesBackEveryTableAndTheFlywayHistory() throws Exception {
        load("005930", BarInterval.ONE_MINUTE);
        load("000660", BarInterval.ONE_MINUTE);
        load("005930", BarInterval.FIVE_MINUTES);
        load("005930", BarInterval.ONE_DAY);
        loader.close(); // a restore wants no writer; the backup itself would not mind
        String original = postgres.jdbcUrl();
        Map<String, String> before = checksums(original);
        assertTrue(before.containsKey("public.flyway_schema_history"), before.keySet().toString());
        assertTrue(count(original, "SELECT count(*) FROM market_data_1min") > 700, "bars loaded");
        Path dump = work.resolve("weekly.dump");

        assertEquals(0, marketpipe(original, "db-backup", dump.toString()).exitCode());
        assertTrue(Files.size(dump) > 0);

        execute(original, "CREATE DATABASE restored");
        String restored = original.substring(0, original.lastIndexOf('/') + 1) + "restored";
        assertEquals(0, marketpipe(restored, "db-restore", dump.toString()).exitCode());
        assertEquals(before, checksums(restored), "an empty database restored to the backup's content");

        Result refused = marketpipe(original, "db-restore", dump.toString());
        assertEquals(1, refused.exitCode());
        assertTrue(refused.output().contains("--force"), refused.output());

        execute(original, "DELETE FROM market_data_1min WHERE symbol = '000660'");
        execute(original, "DROP TABLE market_data_5min");
        execute(original, "DELETE FROM flyway_schema_history WHERE version = '1'");
        assertEquals(0, marketpipe(original, "db-restore", dump.toString(), "--force").exitCode());
        assertEquals(before, checksums(original), "--force replaced the changed database with the backup");
        System.out.printf("database backup system test: %d tables and sequences restored, %d bytes of dump%n",
                before.size(), Files.size(dump));
    }

    /** Bars of a trading day of {@code interval} (daily: a week) through {@code POST /v1/loads}, as sent. */
    private static void load(String symbol, BarInterval interval) throws Exception {
        List<AcceptedBar> bars = new ArrayList<>();
        LocalDate to = interval == BarInterval.ONE_DAY ? DAY.plusDays(4) : DAY;
        for (LocalDate day : CALENDAR.tradingDays(DAY, to)) {
            for (Instant start : CALENDAR.barStarts(day, interval)) {
                bars.add(new AcceptedBar(MARKET.trueBar(symbol, interval, start), List.of()));
            }
        }
        ValidatedBatch batch = new ValidatedBatch(UUID.randomUUID(), DataType.MARKET_DATA, symbol, interval,
                SourceRole.PRIMARY, "raw/2025/03/04/backup-test.json", Instant.parse("2025-03-04T07:00:00Z"), 12,
                bars.size(), bars, List.of(), List.of(), 1.0);
        HttpResponse<String> answer = HTTP.send(Requests.to(URI.create(loader.baseUrl() + "/v1/loads"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(batch))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
    }

    /** md5 over every column of every row of every table, and the value of every sequence, by qualified name. */
    private static Map<String, String> checksums(String url) throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(url, "postgres", ""); Statement s = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) "
                    + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') "
                    + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet row = s.executeQuery("SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' "
                        + "ORDER BY t::text), '')) FROM " + table + " t")) {
                    row.next();
                    sums.put(table, row.getString(1));
                }
            }
            try (ResultSet rows = s.executeQuery("SELECT schemaname || '.' || sequencename, last_value "
                    + "FROM pg_sequences")) {
                while (rows.next()) {
                    sums.put("sequence " + rows.getString(1), String.valueOf(rows.getObject(2)));
                }
            }
        }
        return sums;
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
                ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            db.createStatement().execute(sql);
        }
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs {@code ./marketpipe} as a person would, against the database at {@code jdbcUrl}. */
    private static Result marketpipe(String jdbcUrl, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("marketpipe").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("MARKETPIPE_DB_URL", jdbcUrl);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "marketpipe " + String.join(" ", args) + " hangs");
        System.out.printf("marketpipe %s -> %d%n%s", String.join(" ", args), process.exitValue(), output);
        return new Result(process.exitValue(), output);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
