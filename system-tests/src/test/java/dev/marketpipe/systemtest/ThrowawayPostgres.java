package dev.marketpipe.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A PostgreSQL cluster of its own for one test run, started with {@code scripts/pg-throwaway} (which runs the
 * server as the {@code postgres} user when we are root), or the server named by {@code MARKETPIPE_TEST_DB_URL}.
 */
final class ThrowawayPostgres implements AutoCloseable {

    private final Path script;
    private final Path dir;
    private final String jdbcUrl;
    private final int port;
    private final boolean owned;

    private ThrowawayPostgres(Path script, Path dir, String jdbcUrl, int port, boolean owned) {
        this.script = script;
        this.dir = dir;
        this.jdbcUrl = jdbcUrl;
        this.port = port;
        this.owned = owned;
    }

    static ThrowawayPostgres start(Path repoRoot, Path dir, int port) throws IOException, InterruptedException {
        String external = System.getenv("MARKETPIPE_TEST_DB_URL");
        Path script = repoRoot.resolve("scripts/pg-throwaway");
        if (external != null && !external.isBlank()) {
            return new ThrowawayPostgres(script, dir, external, port, false);
        }
        return new ThrowawayPostgres(script, dir, startServer(script, dir, port), port, true);
    }

    private static String startServer(Path script, Path dir, int port) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(script.toString(), "start", dir.toString(), String.valueOf(port))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String url = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("could not start PostgreSQL with " + script + " (exit " + process.exitValue() + ")");
        }
        return url;
    }

    /** Whether this run started the server itself (and so may stop and restart it). */
    boolean owned() {
        return owned;
    }

    /** {@code pg_ctl stop -m fast}: every client's connection is cut, the data stays. */
    void stopServer() throws IOException, InterruptedException {
        requireOwned();
        new ProcessBuilder(script.toString(), "stop", dir.toString()).inheritIO().start().waitFor();
    }

    /** {@code pg_ctl stop -m immediate}: the server stops without a checkpoint, as in a crash (recovery at the next start). */
    void crashServer() throws IOException, InterruptedException {
        requireOwned();
        new ProcessBuilder(script.toString(), "crash", dir.toString()).inheritIO().start().waitFor();
    }

    /** Starts the stopped server again on the same port, with the same data. */
    void restartServer() throws IOException, InterruptedException {
        requireOwned();
        startServer(script, dir, port);
    }

    private void requireOwned() {
        if (!owned) {
            throw new IllegalStateException("not stopping or starting a server this run did not start");
        }
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (owned) {
            new ProcessBuilder(script.toString(), "stop", dir.toString()).inheritIO().start().waitFor();
        }
    }
}
