package dev.marketpipe.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The library meters promtool would lint come out in Prometheus' conventions; ours pass unchanged. */
class PrometheusConventionsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    PrometheusConventionsTest() {
        registry.config().meterFilter(new PrometheusConventions());
    }

    @Test
    void aGaugeNamedLikeAHistogramCountIsRenamed() {
        Gauge.builder("system.cpu.count", () -> 2).description("processors").register(registry);
        assertEquals(2.0, registry.get("system.cpu.available.processors").gauge().value());
        assertNull(registry.find("system.cpu.count").gauge());
    }

    @Test
    void cpuTimeInNanosecondsIsDropped() {
        FunctionCounter.builder("process.cpu.time", this, t -> 1).baseUnit(TimeUnit.NANOSECONDS.name())
                .register(registry);
        assertNull(registry.find("process.cpu.time").meter());
    }

    @Test
    void vertxConnectionLongTaskTimersAreDropped() {
        LongTaskTimer.builder("http.server.connections").register(registry);
        assertNull(registry.find("http.server.connections").meter());
    }

    @Test
    void camelCaseNamesBecomeSnakeCase() {
        Timer.builder("ft.timeout.executionDuration").register(registry);
        assertNotNull(registry.find("ft.timeout.execution_duration").timer());
    }

    @Test
    void camelCaseTagKeysBecomeSnakeCaseAndAMissingDescriptionIsFilledIn() {
        Counter.builder("http.client.requests").tag("clientName", "loader").register(registry).increment();
        Counter counter = registry.get("http.client.requests").tag("client_name", "loader").counter();
        assertEquals(1.0, counter.count());
        assertEquals("Meter http.client.requests (no description given)", counter.getId().getDescription());
    }

    @Test
    void metersThatFollowTheConventionsPassUnchanged() {
        Counter ours = Counter.builder("marketpipe.collector.collections").description("requests")
                .tag("error_type", "none").register(registry);
        assertEquals("marketpipe.collector.collections", ours.getId().getName());
        assertEquals("none", ours.getId().getTag("error_type"));
        assertEquals("requests", ours.getId().getDescription());
    }

    @Test
    void snakeCaseOfKeys() {
        assertEquals("client_name", PrometheusConventions.snakeCase("clientName"));
        assertEquals("data_type", PrometheusConventions.snakeCase("data_type"));
        assertEquals("uri", PrometheusConventions.snakeCase("uri"));
        assertEquals("ft.timeout.execution_duration", PrometheusConventions.snakeCase("ft.timeout.executionDuration"));
        assertEquals("ft.timeout", PrometheusConventions.snakeCase("ft.Timeout"));
    }
}
