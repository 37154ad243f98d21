package dev.marketpipe.archive.outbox;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.metrics.ArchiveMetrics;
import dev.marketpipe.archive.metrics.FailureReason;
import dev.marketpipe.wire.CollectedBatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lane sending several symbols' batches per request, against a real outbox folder and a scripted validator. */
class OutboxGroupForwardingTest {

    /** One lane, groups of up to 4. */
    private static final ForwarderSettings GROUPS_OF_4 = new ForwarderSettings(1, Duration.ofMillis(10),
            Duration.ofMillis(40), Duration.ofMillis(50), 4);

    @TempDir
    Path tmp;

    private final List<List<CollectedBatch>> groups = new CopyOnWriteArrayList<>();
    private final List<UUID> acknowledged = new CopyOnWriteArrayList<>();
    private final Map<UUID, List<Delivery>> script = new ConcurrentHashMap<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BatchSink validator = new BatchSink() {
        @Override
        public Delivery deliver(CollectedBatch batch) {
            return deliverAll(List.of(batch)).get(0);
        }

        @Override
        public List<Delivery> deliverAll(List<CollectedBatch> batches) {
            groups.add(List.copyOf(batches));
            List<Delivery> answers = new ArrayList<>();
            for (CollectedBatch batch : batches) {
                List<Delivery> planned = script.get(batch.batchId());
                Delivery answer = planned == null || planned.isEmpty() ? Delivery.acknowledged(200) : planned.remove(0);
                if (answer.kind() == Delivery.Kind.ACKNOWLEDGED) {
                    acknowledged.add(batch.batchId());
                }
                answers.add(answer);
            }
            return answers;
        }
    };
    private OutboxForwarder forwarder;

    @AfterEach
    void tearDown() {
        if (forwarder != null) {
            forwarder.stop(Duration.ofSeconds(2));
        }
    }

    @Test
    void aGroupHoldsOneBatchPerSymbolAndEachSymbolStaysInOrderThroughARetry() throws IOException {
        ArchiveOutbox outbox = openOutbox();
        Map<String, List<UUID>> bySymbol = new LinkedHashMap<>();
        for (int day = 0; day < 3; day++) {
            for (String symbol : List.of("A", "B", "C", "D", "E")) {
                UUID id = UUID.randomUUID();
                bySymbol.computeIfAbsent(symbol, s -> new ArrayList<>()).add(id);
                outbox.append(batch(id, symbol));
            }
        }
        UUID firstOfB = bySymbol.get("B").get(0);
        script.put(firstOfB, new CopyOnWriteArrayList<>(List.of(
                Delivery.retry(FailureReason.SERVER_ERROR, 503, null, "down"))));

        forwarder = new OutboxForwarder(outbox, validator, GROUPS_OF_4, new ArchiveMetrics(registry),
                Clock.systemUTC());
        forwarder.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending().isEmpty());
        List<String> firstGroup = groups.get(0).stream().map(CollectedBatch::symbol).toList();
        assertEquals(List.of("A", "B", "C", "D"), firstGroup, "the oldest batch of the first four symbols");
        for (List<CollectedBatch> group : groups) {
            assertTrue(group.size() <= 4, "at most groupSize batches: " + group.size());
            assertEquals(group.size(), new HashSet<>(group.stream().map(CollectedBatch::symbol).toList()).size(),
                    "one batch per symbol in a group");
        }
        for (Map.Entry<String, List<UUID>> symbol : bySymbol.entrySet()) {
            assertEquals(symbol.getValue(), acknowledged.stream().filter(symbol.getValue()::contains).toList(),
                    symbol.getKey() + "'s batches acknowledged once each, in the order archived");
        }
        assertEquals(15.0, registry.counter("marketpipe.archive.batches.forwarded").count());
        assertTrue(groups.size() < 15, "fewer requests than batches: " + groups.size());
    }

    @Test
    void aBatchRefusedInAGroupIsDeadLetteredAloneAndTheOthersAreAcknowledged() throws IOException {
        ArchiveOutbox outbox = openOutbox();
        UUID refused = UUID.randomUUID();
        script.put(refused, new CopyOnWriteArrayList<>(List.of(Delivery.rejected(422, "never"))));
        outbox.append(batch(UUID.randomUUID(), "A"));
        outbox.append(batch(refused, "B"));
        outbox.append(batch(UUID.randomUUID(), "C"));

        forwarder = new OutboxForwarder(outbox, validator, GROUPS_OF_4, new ArchiveMetrics(registry),
                Clock.systemUTC());
        forwarder.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending().isEmpty());
        assertEquals(1, groups.size(), "one request for the three symbols");
        assertEquals(List.of(refused), outbox.dead().stream().map(OutboxEntry::batchId).toList());
        assertEquals(2, acknowledged.size());
    }

    private ArchiveOutbox openOutbox() throws IOException {
        ArchiveOutbox outbox = new ArchiveOutbox(tmp.resolve("outbox"), ReplicaId.of("test"), TestBatches.mapper(),
                Clock.systemUTC());
        outbox.open(Duration.ZERO);
        return outbox;
    }

    private static CollectedBatch batch(UUID id, String symbol) {
        return TestBatches.batch(id, symbol, "2025-03-04T00:00:00Z")
                .withArchiveRef("raw/2025/03/04/market_data_" + symbol + "_20250304_090000.json");
    }
}
