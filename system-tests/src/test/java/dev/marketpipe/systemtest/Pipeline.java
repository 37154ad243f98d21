package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.testsupport.TestTls;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL, the simulator, loader, validator, archive and one or more collectors as real processes, for the
 * gap-fill and replica scenarios (each scenario gets a pipeline and a database of its own).
 */
final class Pipeline implements AutoCloseable {

    /**
     * Collector settings that switch off the scheduled order-book and account jobs: during KRX hours they would load
     * batches of their own and break a test's exact batch counts (tests run them by hand when they want them).
     */
    static final Map<String, String> NO_SNAPSHOT_SCHEDULES = Map.of(
            "MARKETPIPE_COLLECTOR_SCHEDULE_ORDERBOOK_ENABLED", "false",
            "MARKETPIPE_COLLECTOR_SCHEDULE_ACCOUNT_INFO_ENABLED", "false",
            "MARKETPIPE_COLLECTOR_SCHEDULE_POSITIONS_ENABLED", "false",
            "MARKETPIPE_COLLECTOR_SCHEDULE_ORDERS_ENABLED", "false");


    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    /** The ports {@link #freePort()} has handed out in this test run. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    /** Trusts the stages' test certificate when they speak HTTPS ({@link TestTls}). */
    private static final HttpClient HTTP = HttpClient.newBuilder().sslContext(TestTls.sslContext()).build();

    final ThrowawayPostgres postgres;
    final ServiceProcess simulator;
    final ServiceProcess loader;
    final ServiceProcess validator;
    final ServiceProcess archive;
    final List<ServiceProcess> collectors;
    /** The second simulator of {@link Setup#backupSimulator}, else null. */
    final ServiceProcess backupSimulator;
    /** The archive-service's {@code marketpipe.archive.root}. */
    final Path archiveRoot;
    /** The scenario's folder: {@code pg/}, {@code archive/}, each process's {@code logs/}. */
    final Path work;
    private final List<ServiceProcess> all;

    private Pipeline(ThrowawayPostgres postgres, List<ServiceProcess> all, List<ServiceProcess> collectors,
            Path archiveRoot, ServiceProcess backupSimulator, Path work) {
        this.work = work;
        this.postgres = postgres;
        this.backupSimulator = backupSimulator;
        this.simulator = all.get(0);
        this.loader = all.get(1);
        this.validator = all.get(2);
        this.archive = all.get(3);
        this.collectors = collectors;
        this.archiveRoot = archiveRoot;
        this.all = all;
    }

    /** Starts everything; {@code collectorEnv.get(i)} is the extra environment of collector {@code i}. */
    static Pipeline start(String name, long seed, double invalidFraction, List<Map<String, String>> collectorEnv)
            throws Exception {
        return setUp(name, seed, invalidFraction).collectors(collectorEnv).start();
    }

    /** A pipeline to start: one collector with the default settings, unless the {@link Setup} says otherwise. */
    static Setup setUp(String name, long seed, double invalidFraction) {
        return new Setup(name, seed, invalidFraction);
    }

    /** What differs between the scenarios' pipelines; every stage's settings not named here are the defaults. */
    static final class Setup {

        private final String name;
        private final long seed;
        private final double invalidFraction;
        private List<Map<String, String>> collectorEnv = List.of(Map.of());
        private Map<String, String> simulatorEnv = Map.of();
        private Map<String, String> loaderEnv = Map.of();
        private Map<String, String> archiveEnv = Map.of();
        private Map<String, String> backupSimulatorEnv;
        private boolean tls;

        private Setup(String name, long seed, double invalidFraction) {
            this.name = name;
            this.seed = seed;
            this.invalidFraction = invalidFraction;
        }

        /** One collector per entry, {@code collectorEnv.get(i)} the extra environment of collector {@code i}. */
        Setup collectors(List<Map<String, String>> collectorEnv) {
            this.collectorEnv = List.copyOf(collectorEnv);
            return this;
        }

        Setup simulator(Map<String, String> env) {
            this.simulatorEnv = env;
            return this;
        }

        Setup loader(Map<String, String> env) {
            this.loaderEnv = env;
            return this;
        }

        Setup archive(Map<String, String> env) {
            this.archiveEnv = env;
            return this;
        }

        /**
         * A second simulator (same seed) as every collector's backup provider ({@code MARKETPIPE_BACKUP_API_URL});
         * {@link Pipeline#backupSimulator} once started.
         */
        Setup backupSimulator(Map<String, String> env) {
            this.backupSimulatorEnv = env;
            return this;
        }

        /**
         * Every stage's API speaks HTTPS only (test-support's certificate, {@link TestTls}) and the stages call each
         * other over HTTPS.
         */
        Setup tls() {
            this.tls = true;
            return this;
        }

        Pipeline start() throws Exception {
            Path root = Path.of(System.getProperty("marketpipe.repo.root", "..")).toAbsolutePath().normalize();
            Path work = root.resolve("system-tests/target/" + name);
            deleteRecursively(work);
            Files.createDirectories(work);
            ThrowawayPostgres postgres = ThrowawayPostgres.start(root, work.resolve("pg"), freePort());
            int simulatorPort = freePort();
            int loaderPort = freePort();
            int validatorPort = freePort();
            int archivePort = freePort();
            Path logs = work.resolve("logs");
            String stages = tls ? "https://127.0.0.1:" : "http://127.0.0.1:";
            Path certificates = work.resolve("tls");
            TestTls.writeFiles(certificates);
            Map<String, String> simulatorSettings = new HashMap<>(Map.of(
                    "MARKETPIPE_SIMULATOR_SEED", String.valueOf(seed),
                    "MARKETPIPE_SIMULATOR_INVALID_FRACTION", String.valueOf(invalidFraction)));
            simulatorSettings.putAll(simulatorEnv);
            ServiceProcess simulator = new ServiceProcess("market-simulator", root, simulatorPort, simulatorSettings,
                    logs);
            ServiceProcess backupSimulator = null;
            if (backupSimulatorEnv != null) {
                Map<String, String> backupSettings = new HashMap<>(simulatorSettings);
                backupSettings.putAll(backupSimulatorEnv);
                backupSimulator = new ServiceProcess("market-simulator", "simulator-backup", root, freePort(),
                        backupSettings, logs);
            }
            Map<String, String> loaderSettings = new HashMap<>(Map.of("MARKETPIPE_DB_URL", postgres.jdbcUrl()));
            loaderSettings.putAll(loaderEnv);
            ServiceProcess loader = new ServiceProcess("loader-service", root, loaderPort,
                    withTls(loaderSettings, tls, certificates), logs);
            Map<String, String> validatorSettings = new HashMap<>(Map.of(
                    "MARKETPIPE_LOADER_URL", stages + loaderPort,
                    "MARKETPIPE_LOADER_MANAGEMENT_URL", loader.managementUrl()));
            ServiceProcess validator = new ServiceProcess("validator-service", root, validatorPort,
                    withTls(validatorSettings, tls, certificates), logs);
            Path archiveRoot = work.resolve("archive");
            Map<String, String> archiveSettings = new HashMap<>(Map.of(
                    "MARKETPIPE_ARCHIVE_ROOT", archiveRoot.toString(),
                    "MARKETPIPE_VALIDATOR_URL", stages + validatorPort));
            withTls(archiveSettings, tls, certificates);
            archiveSettings.putAll(archiveEnv);
            ServiceProcess archive = new ServiceProcess("archive-service", root, archivePort, archiveSettings, logs);
            List<ServiceProcess> collectors = new ArrayList<>();
            for (int i = 0; i < collectorEnv.size(); i++) {
                Map<String, String> env = new HashMap<>(Map.of(
                        "MARKETPIPE_API_URL", "http://127.0.0.1:" + simulatorPort,
                        "MARKETPIPE_COLLECTOR_KIS_URL", "http://127.0.0.1:" + simulatorPort,
                        "MARKETPIPE_COLLECTOR_REALTIME_URL", "ws://127.0.0.1:" + simulatorPort,
                        "MARKETPIPE_ARCHIVE_URL", stages + archivePort,
                        "MARKETPIPE_LOADER_URL", stages + loaderPort,
                        "MARKETPIPE_COLLECTOR_LIVE_ENABLED", "false",
                        "MARKETPIPE_COLLECTOR_GAPFILL_SCHEDULE_ENABLED", "false",
                        "MARKETPIPE_DB_URL", postgres.jdbcUrl()));
                env.putAll(NO_SNAPSHOT_SCHEDULES);
                if (backupSimulator != null) {
                    env.put("MARKETPIPE_BACKUP_API_URL", backupSimulator.baseUrl());
                }
                withTls(env, tls, certificates);
                env.putAll(collectorEnv.get(i));
                collectors.add(new ServiceProcess("collector-service", root, freePort(), env,
                        logs.resolve("collector-" + i)));
            }
            List<ServiceProcess> all = new ArrayList<>(List.of(simulator, loader, validator, archive));
            if (backupSimulator != null) {
                all.add(backupSimulator);
            }
            all.addAll(collectors);
            Pipeline pipeline = new Pipeline(postgres, all, collectors, archiveRoot, backupSimulator, work);
            try {
                ServiceProcess.startAll(all);
            } catch (Exception | AssertionError e) {
                pipeline.close();
                throw e;
            }
            return pipeline;
        }
    }

    /** Adds the HTTPS settings of a stage when {@code tls}. */
    private static Map<String, String> withTls(Map<String, String> env, boolean tls, Path certificates) {
        if (tls) {
            env.putAll(TestTls.stageEnv(certificates));
        }
        return env;
    }

    /** {@code POST /v1/backfills} of {@code collector}: the job's URL ({@code Location}) once accepted (202). */
    static String startBackfill(ServiceProcess collector, List<String> symbols, String interval, LocalDate from,
            LocalDate to) throws IOException, InterruptedException {
        HttpResponse<String> started = post(collector.baseUrl() + "/v1/backfills", Map.of("symbols", symbols,
                "interval", interval, "from", from.toString(), "to", to.toString()));
        if (started.statusCode() != 202) {
            throw new IllegalStateException("backfill not accepted: " + started.statusCode() + " " + started.body());
        }
        return started.headers().firstValue("Location").orElseThrow();
    }

    /** The job at {@code location} once it is no longer RUNNING (a backfill, gap-fill or replay). */
    static JsonNode awaitJobEnd(String location, Duration atMost) {
        return await("job " + location + " finished").atMost(atMost).pollInterval(Duration.ofMillis(300))
                .until(() -> get(location), status -> !"RUNNING".equals(status.path("state").asText()));
    }

    static JsonNode get(String url) throws IOException, InterruptedException {
        return JSON.readTree(getText(url));
    }

    /** The body of a GET that must answer 200, as text ({@code /q/metrics}). */
    static String getText(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(Requests.to(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static HttpResponse<String> post(String url, Object body) throws IOException, InterruptedException {
        return HTTP.send(Requests.to(URI.create(url)).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> put(String url, Object body) throws IOException, InterruptedException {
        return HTTP.send(Requests.to(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A DELETE that answers a body (200). */
    static String deleteWithBody(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(Requests.to(URI.create(url)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("DELETE " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static void delete(String url) throws IOException, InterruptedException {
        HTTP.send(Requests.to(URI.create(url)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    long count(String sql) throws SQLException {
        try (Connection db = postgres.connect(); ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The first column of the first row of {@code sql}, as text. */
    String text(String sql) throws SQLException {
        try (Connection db = postgres.connect(); ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection db = postgres.connect()) {
            db.createStatement().execute(sql);
        }
    }

    /**
     * Files in the archive's outbox: entries waiting in any replica's folder ({@code outbox/<replica-id>/…}), or with
     * {@code dead} only the dead letters.
     */
    long outboxFiles(boolean dead) throws IOException {
        Path outbox = archiveRoot.resolve("outbox");
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> outbox.relativize(f).toString().contains("dead/") == dead)
                    .count();
        }
    }

    /** Every process of the pipeline (PostgreSQL aside). */
    List<ServiceProcess> services() {
        return List.copyOf(all);
    }

    @Override
    public void close() throws Exception {
        ServiceProcess.closeAll(all, postgres);
    }

    /**
     * A port nothing listens on, never one this test run handed out before: the system may offer a port again once
     * its probe socket is closed, and two processes told the same port make one of them fail at start.
     */
    static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
