package dev.marketpipe.systemtest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code marketpipe} command as a person uses it: help on every command that does nothing else, usage mistakes
 * answered with exit 2, {@code status}, {@code logs} and {@code down} on a run, and a demo whose backfill fails
 * exiting 1 without ever printing the database password.
 */
class MarketpipeCliSystemTest {

    private static final Path ROOT = Path.of(System.getProperty("marketpipe.repo.root", "..")).toAbsolutePath()
            .normalize();
    private static final List<String> COMMANDS = List.of("demo", "status", "logs", "down", "token", "archive-restore",
            "db-backup", "db-restore");

    @TempDir
    Path work;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatTheTestStarted() throws Exception {
        run(Map.of(), "down");
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void everyCommandHasAHelpThatDoesNothingElse() throws Exception {
        for (String command : COMMANDS) {
            Result help = run(Map.of(), command, "--help");
            assertEquals(0, help.code, command + " --help: " + help.output);
            assertTrue(help.output.startsWith("usage:") && help.output.contains("./marketpipe " + command),
                    command + " --help: " + help.output);
        }
        try (var files = Files.list(work)) {
            List<String> written = files.map(f -> f.getFileName().toString())
                    .filter(name -> !name.equals("out.txt") && !name.equals("runs")).toList();
            assertEquals(List.of(), written, "no --help wrote anything (db-backup --help no dump)");
        }
        Result overview = run(Map.of());
        assertEquals(0, overview.code);
        for (String command : COMMANDS) {
            assertTrue(overview.output.contains("./marketpipe " + command), "the overview names " + command);
        }
    }

    @Test
    void mistakesInTheCommandLineExitWithTwo() throws Exception {
        List<List<String>> mistakes = List.of(List.of("nonsense"), List.of("demo", "--days", "x"),
                List.of("demo", "--bogus"), List.of("demo", "--days"), List.of("down", "now"), List.of("status", "x"),
                List.of("token"), List.of("token", "reader", "--hours"), List.of("token", "admin"),
                List.of("logs", "a", "b"), List.of("logs", "nope"), List.of("logs", "-n", "many"),
                List.of("archive-restore", "2025-3-4"), List.of("db-backup", "a", "b"),
                List.of("db-backup", "--force"), List.of("db-restore"));
        for (List<String> mistake : mistakes) {
            Result answer = run(Map.of(), mistake.toArray(String[]::new));
            assertEquals(2, answer.code, mistake + ": " + answer.output);
            assertTrue(answer.output.contains("--help"), mistake + " says where the help is: " + answer.output);
        }
    }

    @Test
    void downHelpLeavesARunRunningAndStatusLogsAndDownWorkOnIt() throws Exception {
        Process service = new ProcessBuilder("sleep", "300").start();
        started.add(service);
        Path run = Files.createDirectories(work.resolve("runs/r1"));
        Files.createDirectories(run.resolve("pids"));
        Files.createDirectories(run.resolve("logs"));
        Files.writeString(run.resolve("pids/collector-service.pid"), service.pid() + "\n");
        int closed = freePort();
        Files.writeString(run.resolve("services"), "collector-service http://127.0.0.1:" + closed
                + " http://127.0.0.1:" + closed + "\n");
        Files.writeString(run.resolve("logs/collector-service.log"), "first\nsecond\nthird\n");
        Files.createSymbolicLink(work.resolve("runs/current"), run);

        assertEquals(0, run(Map.of(), "down", "--help").code);
        assertEquals(2, run(Map.of(), "down", "now").code);
        assertTrue(service.isAlive(), "neither 'down --help' nor a mistaken 'down' stops anything");
        Result status = run(Map.of(), "status");
        assertEquals(1, status.code, status.output);
        assertTrue(status.output.contains("collector-service") && status.output.contains("NOT READY"), status.output);
        Result logs = run(Map.of(), "logs", "collector", "-n", "2");
        assertEquals(0, logs.code, logs.output);
        assertEquals("second\nthird\n", logs.output);

        assertEquals(0, run(Map.of(), "down").code);
        await("down stopped the run").atMost(Duration.ofSeconds(20)).until(() -> !service.isAlive());
        Result after = run(Map.of(), "status");
        assertEquals(1, after.code);
        assertTrue(after.output.contains("NOT RUNNING"), after.output);
    }

    @Test
    void aDemoWhoseBackfillFailsExitsWithOneKeepsItsRunAndNeverPrintsThePassword() throws Exception {
        String password = "s3cret-" + ProcessHandle.current().pid();
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start(ROOT, work.resolve("pg"), freePort())) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "MARKETPIPE_DB_URL", postgres.jdbcUrl() + "?password=" + password,
                    "MARKETPIPE_DB_PASSWORD", password,
                    // the simulator knows none of the demo's symbols: every request is refused (404), not retried
                    "MARKETPIPE_SIMULATOR_SYMBOLS", "999990",
                    "MARKETPIPE_COLLECTOR_JOBS_WINDOW_ATTEMPTS", "1"));
            for (String stage : List.of("COLLECTOR", "ARCHIVE", "VALIDATOR", "LOADER", "CONSOLE", "SIMULATOR")) {
                env.put("MARKETPIPE_PORT_" + stage, String.valueOf(freePortPair()));
            }

            Result demo = run(env, Duration.ofMinutes(5), "demo", "--days", "1", "--keep");

            assertEquals(1, demo.code, demo.output);
            assertTrue(demo.output.contains("marketpipe demo summary"), demo.output);
            assertTrue(demo.output.contains("backfill FAILED"), demo.output);
            assertFalse(demo.output.contains(password), "the password is never printed: " + demo.output);
            Result status = run(env, "status");
            assertEquals(0, status.code, "the kept run is up: " + status.output);
            for (String service : List.of("collector-service", "archive-service", "validator-service",
                    "loader-service", "console-service", "market-simulator")) {
                assertTrue(status.output.lines().anyMatch(l -> l.contains(service) && l.contains(" ready ")),
                        service + " ready: " + status.output);
            }
            assertFalse(status.output.contains(password), status.output);
            assertEquals(0, run(env, "down", "--help").code);
            assertEquals(0, run(env, "status").code, "still running after 'down --help'");
            assertEquals(0, run(env, "down").code);
            assertEquals(1, run(env, "status").code, "stopped");
        }
    }

    private record Result(int code, String output) {
    }

    private Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(env, Duration.ofSeconds(60), args);
    }

    private Result run(Map<String, String> env, Duration within, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("marketpipe").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("out.txt").toFile());
        builder.environment().put("MARKETPIPE_RUN_DIR", work.resolve("runs").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("marketpipe " + String.join(" ", args) + " still running after " + within
                    + ": " + Files.readString(work.resolve("out.txt")));
        }
        return new Result(process.exitValue(), Files.readString(work.resolve("out.txt"), StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A free port whose +1000 (the management port the demo gives a service) is free too. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = freePort();
            if (port + 1000 < 65536) {
                try (ServerSocket management = new ServerSocket(port + 1000)) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IllegalStateException("no free port pair");
    }
}
