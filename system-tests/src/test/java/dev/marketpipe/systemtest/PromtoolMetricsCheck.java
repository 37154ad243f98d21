package dev.marketpipe.systemtest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code curl /q/metrics | promtool check metrics}, from a test: the exposition a Prometheus server would scrape,
 * linted by Prometheus' own tool (naming conventions, help texts, suffixes). promtool comes from the Debian package
 * {@code prometheus} (installed by CI before Maven runs, see .ci/ops-checks.sh).
 */
final class PromtoolMetricsCheck {

    /** Prometheus' classic text format, the one promtool parses (a bare request gets OpenMetrics). */
    static final String TEXT_FORMAT = "text/plain; version=0.0.4";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PromtoolMetricsCheck() {
    }

    /** The promtool on the PATH, if there is one. */
    static Optional<Path> promtool() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst();
    }

    /** The service's {@code /q/metrics} in the text format. */
    static String scrape(String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(Requests.to(URI.create(baseUrl + "/q/metrics"))
                .header("Accept", TEXT_FORMAT).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(baseUrl + "/q/metrics answered " + response.statusCode());
        }
        return response.body();
    }

    /** What {@code promtool check metrics} says about {@code exposition}: empty when it is clean. */
    static String lint(Path promtool, String exposition) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "promtool did not finish within 30 s";
        }
        return process.exitValue() == 0 ? out : ("exit " + process.exitValue() + ": " + out);
    }
}
