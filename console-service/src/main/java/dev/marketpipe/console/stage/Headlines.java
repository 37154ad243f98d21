package dev.marketpipe.console.stage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The few figures of a stage's metrics an operator looks at first: the collector's provider (primary or backup),
 * open circuit breakers and rate-budget use; the archive's outbox backlog, its oldest batch and dead letters.
 * Rates are the change of a counter since the previous look at the same instance.
 */
final class Headlines {

    private record Seen(double value, Instant at) {
    }

    private final Map<String, Seen> previous = new ConcurrentHashMap<>();

    List<String> of(Stage stage, String instance, MetricsText metrics, Instant now) {
        List<String> lines = new ArrayList<>();
        switch (stage) {
            case COLLECTOR -> collector(instance, metrics, now, lines);
            case ARCHIVE -> archive(metrics, lines);
            default -> {
            }
        }
        return lines;
    }

    private void collector(String instance, MetricsText metrics, Instant now, List<String> lines) {
        metrics.find("marketpipe_collector_source_active").stream().findFirst().ifPresent(active ->
                lines.add(active.value() > 0 ? "provider: BACKUP (failover active)" : "provider: primary"));
        List<MetricsText.Sample> breakers = metrics.find("ft_circuitbreaker_state_current");
        if (!breakers.isEmpty()) {
            List<String> open = breakers.stream()
                    .filter(s -> s.value() > 0 && !"closed".equals(s.label("state")))
                    .map(s -> shortMethod(s.label("method")) + " " + s.label("state")).toList();
            lines.add(open.isEmpty() ? "circuit breakers: all closed" : "circuit breakers: " + String.join(", ", open));
        }
        for (MetricsText.Sample limit : metrics.find("marketpipe_collector_budget_limit")) {
            String provider = limit.label("provider");
            double granted = metrics.find("marketpipe_collector_budget_requests_total",
                    s -> provider.equals(s.label("provider")) && "granted".equals(s.label("outcome")))
                    .stream().mapToDouble(MetricsText.Sample::value).sum();
            double shed = metrics.find("marketpipe_collector_budget_requests_total",
                    s -> provider.equals(s.label("provider")) && "shed".equals(s.label("outcome")))
                    .stream().mapToDouble(MetricsText.Sample::value).sum();
            String used = rate(instance + "/budget/" + provider, granted, now)
                    .map(r -> String.format(Locale.ROOT, "%.1f", r)).orElse("–");
            lines.add(String.format(Locale.ROOT, "rate budget %s: %s of %.0f requests/s used, %.0f shed since start",
                    provider, used, limit.value(), shed));
        }
    }

    private static void archive(MetricsText metrics, List<String> lines) {
        double backlog = sum(metrics, "marketpipe_archive_outbox_backlog");
        double oldest = sum(metrics, "marketpipe_archive_outbox_oldest_age_seconds");
        lines.add(String.format(Locale.ROOT, "outbox: %.0f batches waiting, the oldest for %.0f s", backlog, oldest));
        lines.add(String.format(Locale.ROOT, "dead letters since start: %.0f",
                sum(metrics, "marketpipe_archive_outbox_dead")));
    }

    private static double sum(MetricsText metrics, String prefix) {
        return metrics.find(prefix).stream().mapToDouble(MetricsText.Sample::value).sum();
    }

    private Optional<Double> rate(String key, double value, Instant now) {
        Seen before = previous.put(key, new Seen(value, now));
        if (before == null || !now.isAfter(before.at()) || value < before.value()) {
            return Optional.empty();
        }
        double seconds = (now.toEpochMilli() - before.at().toEpochMilli()) / 1000.0;
        return Optional.of((value - before.value()) / seconds);
    }

    /** {@code dev.marketpipe.collector.provider.Foo.bar} → {@code Foo.bar}. */
    private static String shortMethod(String method) {
        int dot = method.lastIndexOf('.', method.lastIndexOf('.') - 1);
        return dot < 0 ? method : method.substring(dot + 1);
    }
}
