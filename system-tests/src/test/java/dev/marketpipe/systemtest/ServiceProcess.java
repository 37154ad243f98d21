package dev.marketpipe.systemtest;

import dev.marketpipe.testsupport.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** One packaged Quarkus service started as a separate JVM, as production runs it. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path jar;
    private final List<String> jvmOptions;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    ServiceProcess(String name, Path repoRoot, int port, Map<String, String> env, Path logDir) {
        this(name, name, repoRoot, port, env, logDir);
    }

    /** @param label names the log file, so that two instances of one service (primary and backup) log apart */
    ServiceProcess(String name, String label, Path repoRoot, int port, Map<String, String> env, Path logDir) {
        this.name = label;
        this.port = port;
        // the simulator serves health and metrics on its one port; the stages on a management port of their own
        this.managementPort = name.equals("market-simulator") ? port : freePort();
        this.jar = repoRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        this.jvmOptions = jvmOptions(repoRoot);
        this.env = env;
        this.log = logDir.resolve(label + ".log");
    }

    /** Starts every service, then waits until each is ready (they start up in parallel). */
    static void startAll(List<ServiceProcess> services) throws IOException {
        for (ServiceProcess service : services) {
            service.start();
        }
        for (ServiceProcess service : services) {
            service.awaitReady();
        }
    }

    /** Stops every service, then the database (when there is one). */
    static void closeAll(List<ServiceProcess> services, ThrowawayPostgres postgres) throws Exception {
        for (ServiceProcess service : services) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The service's name (its log file's label). */
    String name() {
        return name;
    }

    /** The API's base URL: HTTPS when the stage runs with TLS on ({@code MARKETPIPE_TLS_CERT}). */
    String baseUrl() {
        return (env.containsKey("MARKETPIPE_TLS_CERT") ? "https" : "http") + "://127.0.0.1:" + port;
    }

    private static int freePort() {
        try {
            return Pipeline.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where health and metrics are served. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    ServiceProcess start() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // every process its own collector spool (a restarted one finds its own again), never the shared working dir's
        builder.environment().put("MARKETPIPE_COLLECTOR_SPOOL_DIR", log.resolveSibling(name + "-spool").toString());
        // the stages trust the test key and sign their pipeline tokens with it (Requests sends tokens of the same key)
        Path keys = log.resolveSibling("jwt-keys");
        TestTokens.writeKeyPair(keys);
        builder.environment().put("MARKETPIPE_AUTH_PUBLIC_KEY_LOCATION", keys.resolve("public-key.pem").toString());
        builder.environment().put("MARKETPIPE_AUTH_SIGNING_KEY_LOCATION", keys.resolve("private-key.pem").toString());
        builder.environment().put("MARKETPIPE_AUTH_AUDIENCES", TestTokens.AUDIENCE);
        // the securities API of the system tests is the simulator
        builder.environment().put("MARKETPIPE_COLLECTOR_API_DEMO_CREDENTIALS", "true");
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        if (managementPort != port) {
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
            builder.environment().put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        }
        process = builder.start();
        return this;
    }

    /** Waits for a process that must not start: its exit code, and everything it wrote. */
    Exited awaitExit(Duration within) throws IOException, InterruptedException {
        if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " still running after " + within + ", see " + log);
        }
        return new Exited(process.exitValue(), Files.readString(log));
    }

    /** How a process ended. */
    record Exited(int code, String output) {
    }

    void awaitReady() {
        await(name + " ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
            }
            return status("/q/health/ready") == 200;
        });
    }

    int status(String path) {
        try {
            String base = path.startsWith("/q/") ? managementUrl() : baseUrl();
            return HTTP.send(Requests.to(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@code kill -9}: the process gets no chance to clean up (no shutdown hooks, no lease release). */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() {
        if (process != null) {
            stopGracefully(process);
        }
    }

    /** SIGTERM, then {@code kill -9} if the process has not ended within 20 s. */
    static void stopGracefully(Process process) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** The JVM options the demo runs the services with (scripts/jvm-options, its lines without comments). */
    private static List<String> jvmOptions(Path repoRoot) {
        try (var lines = Files.lines(repoRoot.resolve("scripts/jvm-options"))) {
            return lines.filter(line -> !line.startsWith("#"))
                    .flatMap(line -> Arrays.stream(line.trim().split("\\s+")))
                    .filter(option -> !option.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
