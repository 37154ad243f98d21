package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) scraping services on loopback every second and
 * evaluating the chart's rules, with a configuration and a TSDB of its own in one folder: the dashboard test runs the
 * dashboard's PromQL (and its variables' queries) through it, as Grafana would.
 */
final class PrometheusServer implements AutoCloseable {

    /** Where Debian installs it; {@code MARKETPIPE_PROMETHEUS_BIN} names another binary. */
    private static final Path DEFAULT_BINARY = Path.of("/usr/bin/prometheus");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private PrometheusServer(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** The prometheus binary, when this machine has one (CI installs the Debian package before Maven runs). */
    static Optional<Path> binary() {
        String configured = System.getenv("MARKETPIPE_PROMETHEUS_BIN");
        Path binary = configured == null || configured.isBlank() ? DEFAULT_BINARY : Path.of(configured);
        return Files.isExecutable(binary) ? Optional.of(binary) : Optional.empty();
    }

    /**
     * Starts Prometheus on a free loopback port, scraping {@code /q/metrics} of each service every second, and
     * evaluating a rules file every second.
     *
     * @param jobs scrape job name → base URL of the service ({@code http://127.0.0.1:PORT})
     * @param namespace the {@code namespace} label every target gets, as Prometheus in Kubernetes adds it
     * @param rules a Prometheus rules file (the chart's alert and recording rules); its groups' own evaluation
     *     intervals are set to one second in the copy Prometheus loads, so recorded series exist at once
     */
    static PrometheusServer start(Path binary, Path dir, Map<String, String> jobs, String namespace, Path rules)
            throws IOException {
        Files.createDirectories(dir);
        Path rulesCopy = Files.writeString(dir.resolve("rules.yml"),
                Files.readString(rules).replaceAll("(?m)^(\\s+interval:) \\S+$", "$1 1s"));
        StringBuilder config = new StringBuilder("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                + "rule_files: ['" + rulesCopy + "']\n"
                + "scrape_configs:\n");
        jobs.forEach((job, url) -> config.append("  - job_name: ").append(job).append('\n')
                .append("    metrics_path: /q/metrics\n")
                .append("    static_configs: [{targets: ['").append(URI.create(url).getAuthority())
                .append("'], labels: {namespace: ").append(namespace).append("}}]\n"));
        Path configFile = Files.writeString(dir.resolve("prometheus.yml"), config);
        int port = Pipeline.freePort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(List.of(binary.toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port, log);
        try {
            server.awaitReady();
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady() {
        await("prometheus ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ", see " + log);
            }
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Waits until every configured scrape target has been scraped successfully. */
    void awaitAllTargetsUp(int expected) {
        await("every scrape target up").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    JsonNode targets = Pipeline.get(baseUrl + "/api/v1/targets").path("data").path("activeTargets");
                    int up = 0;
                    for (JsonNode target : targets) {
                        up += "up".equals(target.path("health").asText()) ? 1 : 0;
                    }
                    return targets.size() == expected && up == expected;
                });
    }

    /**
     * An instant query at the current time; answers the sample values of the resulting vector (empty when no series
     * matched). A query Prometheus refuses (bad PromQL) is an {@link IllegalStateException} naming its error.
     */
    List<Double> query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = Pipeline.JSON.readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(answer.path("status").asText())) {
            throw new IllegalStateException("prometheus refused " + promql + ": " + answer.path("error").asText());
        }
        JsonNode data = answer.path("data");
        if (!"vector".equals(data.path("resultType").asText())) {
            throw new IllegalStateException(promql + " answered a " + data.path("resultType").asText()
                    + ", a panel needs a vector");
        }
        List<Double> values = new ArrayList<>();
        data.path("result").forEach(sample -> values.add(sampleValue(sample.path("value").get(1).asText())));
        return values;
    }

    /**
     * The values of {@code label} on the series {@code selector} matches, sorted: what Grafana's
     * {@code label_values(selector, label)} variable query offers.
     */
    List<String> labelValues(String selector, String label) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/label/"
                + label + "/values?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = Pipeline.JSON.readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(answer.path("status").asText())) {
            throw new IllegalStateException("prometheus refused " + selector + ": " + answer.path("error").asText());
        }
        List<String> values = new ArrayList<>();
        answer.path("data").forEach(value -> values.add(value.asText()));
        values.sort(null);
        return values;
    }

    /** Prometheus writes infinities as {@code +Inf}/{@code -Inf}, which {@link Double#parseDouble} does not read. */
    private static double sampleValue(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    @Override
    public void close() {
        ServiceProcess.stopGracefully(process);
    }
}
