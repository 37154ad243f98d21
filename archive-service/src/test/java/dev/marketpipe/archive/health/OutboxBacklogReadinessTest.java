package dev.marketpipe.archive.health;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.metrics.ArchiveMetrics;
import dev.marketpipe.archive.outbox.ArchiveOutbox;
import dev.marketpipe.archive.outbox.Delivery;
import dev.marketpipe.archive.metrics.FailureReason;
import dev.marketpipe.archive.outbox.ForwarderSettings;
import dev.marketpipe.archive.outbox.OutboxForwarder;
import dev.marketpipe.archive.outbox.ReplicaId;
import dev.marketpipe.testsupport.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backlog gauges and the readiness rule on an old backlog, with a clock moved by hand: the forwarder is not
 * started, so what is appended stays unacknowledged as long as the test wants.
 */
class OutboxBacklogReadinessTest {

    private static final Duration MAX_AGE = Duration.ofMinutes(15);

    @TempDir
    Path tmp;

    private final MovableClock clock = new MovableClock(Instant.parse("2025-03-04T00:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ArchiveOutbox outbox;
    private OutboxForwarder forwarder;
    private OutboxBacklogReadiness readiness;

    @BeforeEach
    void setUp() throws IOException {
        outbox = new ArchiveOutbox(tmp.resolve("outbox"), ReplicaId.of("test"), TestBatches.mapper(), clock);
        outbox.open(Duration.ZERO);
        forwarder = new OutboxForwarder(outbox, batch -> Delivery.retry(FailureReason.UNREACHABLE, 0, null, "down"),
                new ForwarderSettings(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50)),
                new ArchiveMetrics(registry), clock);
        readiness = new OutboxBacklogReadiness(forwarder, MAX_AGE);
    }

    @Test
    void emptyOutboxIsReadyWithZeroGauges() {
        HealthCheckResponse response = readiness.call();

        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(0.0, gauge("marketpipe.archive.outbox.backlog"));
        assertEquals(0.0, gauge("marketpipe.archive.outbox.oldest.age.seconds"));
    }

    @Test
    void backlogOlderThanTheThresholdTakesReadinessDown() throws IOException {
        append("005930");
        clock.advance(Duration.ofMinutes(10));
        append("000660");

        assertEquals(2.0, gauge("marketpipe.archive.outbox.backlog"));
        assertEquals(600.0, gauge("marketpipe.archive.outbox.oldest.age.seconds"));
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus(), "10 minutes: still ready");

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertEquals(901.0, gauge("marketpipe.archive.outbox.oldest.age.seconds"));
        HealthCheckResponse down = readiness.call();
        assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
        assertEquals("outbox-backlog", down.getName());
        assertEquals(2L, down.getData().orElseThrow().get("backlog"));
        assertEquals(901L, down.getData().orElseThrow().get("oldestAgeSeconds"));
        assertEquals(900L, down.getData().orElseThrow().get("maxAgeSeconds"));
        assertTrue(String.valueOf(down.getData().orElseThrow().get("reason")).contains("max-backlog-age"));
        assertTrue(forwarder.isAlive(), "liveness is not affected by an old backlog");
    }

    private void append(String symbol) throws IOException {
        outbox.append(TestBatches.batch(UUID.randomUUID(), symbol, "2025-03-04T00:00:00Z")
                .withArchiveRef("raw/2025/03/04/market_data_" + symbol + "_20250304_090000.json"));
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
