package dev.marketpipe.archive.outbox;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.metrics.ArchiveMetrics;
import dev.marketpipe.archive.metrics.FailureReason;
import dev.marketpipe.wire.CollectedBatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forwarder against a real outbox folder and a scripted validator: four lanes sending one batch per request,
 * and one lane sending several symbols' batches per request.
 */
class OutboxForwarderTest {

    private static final ForwarderSettings FAST = new ForwarderSettings(4, Duration.ofMillis(10),
            Duration.ofMillis(40), Duration.ofMillis(50));
    /** One lane, groups of up to 4. */
    private static final ForwarderSettings GROUPS_OF_4 = new ForwarderSettings(1, Duration.ofMillis(10),
            Duration.ofMillis(40), Duration.ofMillis(50), 4);

    @TempDir
    Path tmp;

    /** Every batch the validator was sent, each attempt, in the order sent. */
    private final List<CollectedBatch> received = new CopyOnWriteArrayList<>();
    /** Every request's batches. */
    private final List<List<CollectedBatch>> groups = new CopyOnWriteArrayList<>();
    private final List<UUID> acknowledged = new CopyOnWriteArrayList<>();
    private final Map<UUID, List<Delivery>> script = new ConcurrentHashMap<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** Answers each batch as {@link #script} says, else acknowledges it. */
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
                received.add(batch);
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

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(tmp.resolve("outbox"));
    }

    @AfterEach
    void tearDown() {
        if (forwarder != null) {
            forwarder.stop(Duration.ofSeconds(2));
        }
    }

    @Test
    void entriesLeftByAPreviousRunAreDeliveredAtStart() throws IOException {
        ArchiveOutbox previousRun = openOutbox();
        List<UUID> ids = new ArrayList<>();
        for (String symbol : List.of("005930", "000660", "005930")) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            previousRun.append(batch(id, symbol));
        }
        previousRun.close();

        ArchiveOutbox restarted = openOutbox();
        assertEquals(3, restarted.pending().size());
        forwarder = new OutboxForwarder(restarted, validator, FAST, new ArchiveMetrics(registry), Clock.systemUTC());
        forwarder.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> restarted.pending().isEmpty());
        assertEquals(new HashSet<>(ids), new HashSet<>(received.stream().map(CollectedBatch::batchId).toList()));
        assertEquals(3, received.size(), "each delivered once");
        assertTrue(received.stream().allMatch(b -> b.archiveRef() != null));
        assertEquals(3.0, registry.counter("marketpipe.archive.batches.forwarded").count());
    }

    @Test
    void sequenceContinuesAfterARestartSoNewEntriesSortAfterOldOnes() throws IOException {
        ArchiveOutbox previousRun = openOutbox();
        OutboxEntry old = previousRun.append(batch(UUID.randomUUID(), "005930"));
        previousRun.close();

        OutboxEntry fresh = openOutbox().append(batch(UUID.randomUUID(), "005930"));

        assertTrue(fresh.seq() > old.seq());
    }

    @Test
    void oneSymbolArrivesInSequenceOrderEvenWhenItsFirstBatchNeedsRetries() throws IOException {
        ArchiveOutbox outbox = openOutbox();
        forwarder = new OutboxForwarder(outbox, validator, FAST, new ArchiveMetrics(registry), Clock.systemUTC());
        forwarder.start();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            if (i == 0) {
                script.put(id, new CopyOnWriteArrayList<>(List.of(
                        Delivery.retry(FailureReason.SERVER_ERROR, 503, null, "down"),
                        Delivery.retry(FailureReason.UNREACHABLE, 0, null, "refused"))));
            }
            outbox.append(batch(id, "005930"));
            outbox.append(batch(UUID.randomUUID(), "OTHER" + i)); // other symbols in between, other lanes
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending().isEmpty());
        List<UUID> order = new ArrayList<>();
        for (CollectedBatch batch : received) {
            if ("005930".equals(batch.symbol())
                    && (order.isEmpty() || !order.get(order.size() - 1).equals(batch.batchId()))) {
                order.add(batch.batchId());
            }
        }
        assertEquals(ids, order);
        assertEquals(1.0, registry.counter("marketpipe.archive.forward.failures", "reason", "server_error").count());
        assertEquals(1.0, registry.counter("marketpipe.archive.forward.failures", "reason", "unreachable").count());
    }

    @Test
    void transientFailuresAreRetriedUntilTheBatchIsDeliveredOnce() throws IOException {
        ArchiveOutbox outbox = openOutbox();
        UUID id = UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        BatchSink flaky = batch -> attempts.incrementAndGet() <= 3
                ? Delivery.retry(FailureReason.SERVER_ERROR, 503, null, "busy")
                : Delivery.acknowledged(200);
        forwarder = new OutboxForwarder(outbox, flaky, FAST, new ArchiveMetrics(registry), Clock.systemUTC());
        outbox.append(batch(id, "005930"));
        forwarder.start();

        // the lane drops the entry from its backlog just after deleting its file: wait for both
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending().isEmpty() && forwarder.backlog() == 0);
        assertEquals(4, attempts.get());
    }

    @Test
    void rejectedBatchIsMovedToDeadLettersAndTheSymbolMovesOn() throws IOException {
        ArchiveOutbox outbox = openOutbox();
        UUID refused = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        script.put(refused, new CopyOnWriteArrayList<>(List.of(Delivery.rejected(422, "bad batch"))));
        forwarder = new OutboxForwarder(outbox, validator, FAST, new ArchiveMetrics(registry), Clock.systemUTC());
        outbox.append(batch(refused, "005930"));
        outbox.append(batch(next, "005930"));
        forwarder.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending().isEmpty());
        List<OutboxEntry> dead = outbox.dead();
        assertEquals(1, dead.size());
        assertEquals(refused, dead.get(0).batchId());
        assertEquals(List.of(refused, next), received.stream().map(CollectedBatch::batchId).toList());
        assertEquals(1.0, registry.counter("marketpipe.archive.outbox.dead").count());
        assertTrue(outbox.contains(refused), "a dead entry still counts as written for the intake");
    }

    @Test
    void backlogGaugesShowWhatIsWaiting() throws IOException {
        ArchiveOutbox outbox = openOutbox();
        BatchSink down = batch -> Delivery.retry(FailureReason.UNREACHABLE, 0, null, "refused");
        forwarder = new OutboxForwarder(outbox, down, FAST, new ArchiveMetrics(registry), Clock.systemUTC());
        outbox.append(batch(UUID.randomUUID(), "005930"));
        outbox.append(batch(UUID.randomUUID(), "000660"));
        forwarder.start();

        await().atMost(Duration.ofSeconds(5)).until(
                () -> registry.get("marketpipe.archive.forward.failures").tag("reason", "unreachable")
                        .counter().count() >= 2);
        assertEquals(2.0, registry.get("marketpipe.archive.outbox.backlog").gauge().value());
        assertTrue(registry.get("marketpipe.archive.outbox.oldest.age.seconds").gauge().value() >= 0);
        assertEquals(2, outbox.pending().size(), "nothing is dropped while the validator is down");
        assertTrue(forwarder.isAlive());
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
