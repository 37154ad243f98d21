package dev.marketpipe.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps every service's {@code /q/metrics} clean for {@code promtool check metrics} (monitoring with Prometheus): the
 * meters the libraries register (Vert.x, Netty, the REST client, system binders) do not all follow Prometheus'
 * conventions, ours do. Quarkus applies every {@link MeterFilter} bean to the registry; this one is in the shared
 * module so that all five services get it. It
 * <ul>
 *   <li>drops {@code process.cpu.time}, a counter in nanoseconds (Prometheus wants base units, and
 *   {@code process_cpu_usage} already tells the CPU story), and Vert.x' connection long-task timers
 *   {@code http.server.connections} and {@code http.client.connections}, whose text exposition (a summary with
 *   {@code _active_count} and {@code _duration_sum} samples) promtool cannot match to its help line;</li>
 *   <li>renames {@code system.cpu.count}, a gauge whose {@code _count} suffix Prometheus reserves for histograms and
 *   summaries, to {@code system.cpu.available.processors};</li>
 *   <li>writes camelCase names (SmallRye Fault Tolerance's {@code ft.timeout.executionDuration}) and tag keys (the
 *   REST client's {@code clientName}) in snake_case;</li>
 *   <li>gives a meter without a description its name as help text, so every metric has a HELP line.</li>
 * </ul>
 */
@Singleton
public class PrometheusConventions implements MeterFilter {

    static final Map<String, String> RENAMED = Map.of("system.cpu.count", "system.cpu.available.processors");
    static final Set<String> DROPPED = Set.of("process.cpu.time", "http.server.connections",
            "http.client.connections");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return DROPPED.contains(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        List<Tag> tags = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
            tags.add(Tag.of(snakeCase(tag.getKey()), tag.getValue()));
        }
        String description = id.getDescription() == null || id.getDescription().isBlank()
                ? "Meter " + id.getName() + " (no description given)" : id.getDescription();
        return new Meter.Id(snakeCase(RENAMED.getOrDefault(id.getName(), id.getName())), Tags.of(tags),
                id.getBaseUnit(), description, id.getType());
    }

    /** {@code clientName} → {@code client_name}, {@code ft.timeout.executionDuration} → {@code ft.timeout.execution_duration}. */
    static String snakeCase(String key) {
        StringBuilder snake = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && key.charAt(i - 1) != '_' && key.charAt(i - 1) != '.') {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
