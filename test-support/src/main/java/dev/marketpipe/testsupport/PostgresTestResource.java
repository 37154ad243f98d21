package dev.marketpipe.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the tests (no Docker on our machines): the database named by env
 * {@code MARKETPIPE_TEST_DB_URL} (user/password from {@code MARKETPIPE_TEST_DB_USER}/{@code _PASSWORD}), else a
 * throwaway cluster in {@code target/pg-test} started by the repository's {@code scripts/pg-throwaway} on a free
 * port.
 * Publishes {@code marketpipe.test.pg-*} so the outage test can stop and restart the cluster.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String SCRIPT_PROPERTY = "marketpipe.test.pg-script";
    public static final String DIR_PROPERTY = "marketpipe.test.pg-dir";
    public static final String PORT_PROPERTY = "marketpipe.test.pg-port";

    private Path script;
    private Path dir;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("MARKETPIPE_TEST_DB_URL");
        Map<String, String> config = new HashMap<>();
        if (external != null && !external.isBlank()) {
            config.put("quarkus.datasource.jdbc.url", external);
            config.put("quarkus.datasource.username", env("MARKETPIPE_TEST_DB_USER", "postgres"));
            config.put("quarkus.datasource.password", env("MARKETPIPE_TEST_DB_PASSWORD", ""));
            return config;
        }
        script = findScript();
        dir = Path.of("target/pg-test").toAbsolutePath();
        // a cluster left by an aborted run: stop it and start from an empty database
        run(script.toString(), "stop", dir.toString());
        deleteRecursively(dir);
        int port = freePort();
        String url = run(script.toString(), "start", dir.toString(), Integer.toString(port));
        config.put("quarkus.datasource.jdbc.url", url);
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "");
        config.put(SCRIPT_PROPERTY, script.toString());
        config.put(DIR_PROPERTY, dir.toString());
        config.put(PORT_PROPERTY, Integer.toString(port));
        return config;
    }

    @Override
    public void stop() {
        if (dir != null) {
            run(script.toString(), "stop", dir.toString());
        }
    }

    /** Runs the script and answers the last line it printed; fails with its output when it fails. */
    public static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            List<String> lines = output.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code scripts/pg-throwaway} of the repository, looked up from the module folder the tests run in. */
    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scripts/pg-throwaway");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/pg-throwaway not found above " + Path.of("").toAbsolutePath());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
