package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every query of the Grafana dashboard returns data from the running pipeline. PostgreSQL, the
 * simulator and the four services run as real processes on loopback and a real Prometheus scrapes them every second;
 * a small backfill (one request failing for good on injected 503s, so the failure panels have series too) and a
 * gap-fill give the metrics values; then each panel target's PromQL, Grafana's interval variables replaced and the
 * namespace/job/instance variables set as Grafana sets them from their own queries, must answer at least one finite
 * sample. Prometheus loads the chart's rules, so the long-range stats read the recorded series. A misspelt metric or
 * label, or a query Prometheus cannot parse, fails the test; so does a job named like a stage (otel-collector,
 * data-loader, scraped too) that the variables offer or "Stage instances up" counts.
 * Skipped only where no prometheus binary is installed (CI installs the Debian package first).
 */
class GrafanaDashboardSystemTest {

    private static final String NAME = "system-test-dashboard";
    private static final long SEED = 23;
    private static final double INVALID_FRACTION = 0.02;
    private static final String FAILING_SYMBOL = "035420";
    private static final List<String> SYMBOLS = List.of("005930", "000660");
    private static final String FIRST_DAY = "2025-03-06";
    private static final String SECOND_DAY = "2025-03-07";
    /** The namespace label of every scrape target, as in Kubernetes. */
    private static final String NAMESPACE = "system-test";
    private static final List<String> STAGE_JOBS =
            List.of("marketpipe-archive", "marketpipe-collector", "marketpipe-loader", "marketpipe-validator");
    private static final List<String> OTHER_JOBS = List.of("otel-collector", "data-loader");
    /** The first attempt and the collector's 3 retries (5xx). */
    private static final int ATTEMPTS_PER_REQUEST = 4;
    /** Batches the loader answered, as the loader's own scrape job sees them. */
    private static final String LOADED_BY_THE_STAGE_JOB =
            "sum(marketpipe_loader_batches_loaded_total{job=\"marketpipe-loader\"})";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Pipeline pipeline;
    private static PrometheusServer prometheus;
    private static String collector;
    private static String simulator;

    @BeforeAll
    static void start() throws Exception {
        Path binary = PrometheusServer.binary().orElse(null);
        assumeTrue(binary != null, "no prometheus binary (apt-get install prometheus, or set MARKETPIPE_PROMETHEUS_BIN)");
        // a window whose request failed is not tried again here: the dashboard must see a failed backfill
        pipeline = Pipeline.start(NAME, SEED, INVALID_FRACTION, List.of(Map.of(
                "MARKETPIPE_COLLECTOR_JOBS_WINDOW_ATTEMPTS", "1")));
        collector = pipeline.collectors.get(0).baseUrl();
        simulator = pipeline.simulator.baseUrl();
        Map<String, String> jobs = new LinkedHashMap<>();
        jobs.put("marketpipe-collector", pipeline.collectors.get(0).managementUrl());
        jobs.put("marketpipe-archive", pipeline.archive.managementUrl());
        jobs.put("marketpipe-validator", pipeline.validator.managementUrl());
        jobs.put("marketpipe-loader", pipeline.loader.managementUrl());
        // jobs of other software whose names contain a stage's name: the dashboard must count none of them (here
        // they scrape a stage a second time, so a loose job match would double every figure)
        jobs.put(OTHER_JOBS.get(0), pipeline.collectors.get(0).managementUrl());
        jobs.put(OTHER_JOBS.get(1), pipeline.loader.managementUrl());
        Path dir = GrafanaDashboard.repoRoot().resolve("system-tests/target/" + NAME + "-prometheus");
        Pipeline.deleteRecursively(dir);
        prometheus = PrometheusServer.start(binary, dir, jobs, NAMESPACE,
                GrafanaDashboard.repoRoot().resolve(GrafanaDashboard.RULES_PATH));
        // scraped once before any work, so that every counter's increase is seen from its first value on
        prometheus.awaitAllTargetsUp(jobs.size());
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void everyDashboardQueryReturnsDataFromTheRunningPipeline() throws Exception {
        long started = System.nanoTime();
        // one request fails for good (503 on every attempt): a failed collection, an error rate, a gap to fill
        HttpResponse<String> armed = put(simulator + "/simulator/faults",
                Map.of("status", 503, "count", ATTEMPTS_PER_REQUEST));
        assertEquals(200, armed.statusCode(), armed.body());
        JsonNode failed = awaitJob(startJob("/v1/backfills", List.of(FAILING_SYMBOL), FIRST_DAY));
        assertEquals(1, failed.path("errors").asInt(), failed.toString());
        Pipeline.delete(simulator + "/simulator/faults");

        JsonNode backfill = awaitJob(startJob("/v1/backfills", SYMBOLS, FIRST_DAY));
        assertEquals("SUCCEEDED", backfill.path("state").asText(), backfill.toString());
        List<String> all = new ArrayList<>(SYMBOLS);
        all.add(FAILING_SYMBOL);
        JsonNode gapfill = awaitJob(startJob("/v1/gapfills", all, FIRST_DAY));
        assertEquals("SUCCEEDED", gapfill.path("state").asText(), gapfill.toString());

        // Some meters only come to exist with their first use (the validator's records by outcome, the loader's
        // meters, which are made with the bean that loads), and Prometheus sees no increase in a series' first
        // sample: once the first round's loads have been scraped by the stage's own job (not only by the other job
        // that scrapes the loader too), a second backfill makes every such meter grow where Prometheus can see it.
        int loaded = backfill.path("batches").asInt() + gapfill.path("batches").asInt();
        await("first round scraped").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> prometheus.query(LOADED_BY_THE_STAGE_JOB).stream().anyMatch(batches -> batches >= loaded));
        JsonNode second = awaitJob(startJob("/v1/backfills", SYMBOLS, SECOND_DAY));
        assertEquals("SUCCEEDED", second.path("state").asText(), second.toString());
        int loadedInAll = loaded + second.path("batches").asInt();
        await("second round scraped").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> prometheus.query(LOADED_BY_THE_STAGE_JOB).stream()
                        .anyMatch(batches -> batches >= loadedInAll));

        GrafanaDashboard dashboard = GrafanaDashboard.load(GrafanaDashboard.repoRoot());
        Map<String, String> variables = variables(dashboard);
        List<GrafanaDashboard.Query> queries = dashboard.queries();
        assertFalse(queries.isEmpty(), "the dashboard has queries");
        await("every dashboard query returns data").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(List.of(), queriesWithoutData(queries, variables)));
        // one series per stage job, each instance up: the jobs named like a stage are not counted
        GrafanaDashboard.Query up = queries.stream().filter(query -> query.panelTitle().equals("Stage instances up"))
                .findFirst().orElseThrow();
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0), prometheus.query(up.promql(variables)), up.toString());
        System.out.printf("dashboard system test: %d queries of the dashboard answered by Prometheus, %d s after the"
                + " first job%n", queries.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /**
     * The dashboard's scope variables as Grafana sets them on opening: the namespace its query offers first (the one
     * namespace here), every stage job and every instance ("All": the variable's allValue). The variables' own
     * queries must offer the namespace and exactly the four stage jobs.
     */
    private static Map<String, String> variables(GrafanaDashboard dashboard) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        String[] namespaces = GrafanaDashboard.labelValuesQuery(dashboard.variable("namespace"));
        assertEquals(List.of(NAMESPACE), prometheus.labelValues(namespaces[0], namespaces[1]), "namespace options");
        values.put("namespace", NAMESPACE);
        String[] jobs = GrafanaDashboard.labelValuesQuery(dashboard.variable("job"));
        assertEquals(STAGE_JOBS, prometheus.labelValues(jobs[0].replace("$namespace", NAMESPACE), jobs[1]),
                "job options: the stage jobs, none of " + OTHER_JOBS);
        values.put("job", dashboard.variable("job").path("allValue").asText());
        String[] instances = GrafanaDashboard.labelValuesQuery(dashboard.variable("instance"));
        assertEquals(4, prometheus.labelValues(instances[0].replace("$namespace", NAMESPACE)
                .replace("$job", values.get("job")), instances[1]).size(), "instance options: one per stage");
        values.put("instance", dashboard.variable("instance").path("allValue").asText());
        return values;
    }

    /**
     * The queries that answer no finite sample, each with what Prometheus said. A panel of the live feed (its title
     * says "live") has data only with a real-time feed, which a backfill run has not: Prometheus must accept its
     * query, and {@code LiveSystemTest} proves its metric has samples.
     */
    private static List<String> queriesWithoutData(List<GrafanaDashboard.Query> queries, Map<String, String> variables)
            throws IOException, InterruptedException {
        List<String> without = new ArrayList<>();
        for (GrafanaDashboard.Query query : queries) {
            try {
                List<Double> values = prometheus.query(query.promql(variables));
                if (values.stream().noneMatch(Double::isFinite) && !query.panelTitle().contains("live")) {
                    without.add(query + " -> " + values);
                }
            } catch (IllegalStateException refused) {
                without.add(query + " -> " + refused.getMessage());
            }
        }
        return without;
    }

    private static String startJob(String path, List<String> symbols, String day) throws Exception {
        HttpResponse<String> response = Pipeline.post(collector + path,
                Map.of("symbols", symbols, "interval", "1m", "from", day, "to", day));
        assertEquals(202, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static JsonNode awaitJob(String location) {
        return await(location).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> Pipeline.get(location), status -> !"RUNNING".equals(status.path("state").asText()));
    }

    private static HttpResponse<String> put(String url, Object body) throws IOException, InterruptedException {
        return HTTP.send(Requests.to(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Pipeline.JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
