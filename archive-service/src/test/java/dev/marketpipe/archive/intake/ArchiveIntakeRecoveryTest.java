package dev.marketpipe.archive.intake;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.disk.FreeSpacePolicy;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.index.BatchDescription;
import dev.marketpipe.archive.index.BatchIndex;
import dev.marketpipe.archive.index.BatchMarker;
import dev.marketpipe.archive.metrics.ArchiveMetrics;
import dev.marketpipe.archive.outbox.ArchiveOutbox;
import dev.marketpipe.archive.outbox.OutboxEntry;
import dev.marketpipe.archive.outbox.ReplicaId;
import dev.marketpipe.archive.store.ArchiveKey;
import dev.marketpipe.archive.store.StoredEnvelope;
import dev.marketpipe.archive.store.filesystem.FilesystemArchiveStore;
import dev.marketpipe.wire.CollectedBatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash safety of the intake: each test leaves the state a crash at one step would leave, then retries the POST
 * and checks that the retry finishes the work with one file and one outbox entry.
 */
class ArchiveIntakeRecoveryTest {

    private static final String WINDOW = "2025-03-04T00:00:00Z";

    @TempDir
    Path tmp;

    private ArchiveRoot root;
    private FilesystemArchiveStore store;
    private EnvelopeFormat format;
    private BatchIndex index;
    private ArchiveOutbox outbox;
    private ArchiveIntake intake;

    @BeforeEach
    void setUp() throws IOException {
        root = new ArchiveRoot(tmp.resolve("archive"));
        root.createLayout();
        format = new EnvelopeFormat(TestBatches.mapper());
        store = new FilesystemArchiveStore(root, format);
        index = new BatchIndex(root.index(), TestBatches.mapper());
        outbox = new ArchiveOutbox(root.outbox(), ReplicaId.of("test"), TestBatches.mapper(), Clock.systemUTC());
        outbox.open(Duration.ZERO);
        intake = intake(0);
    }

    @Test
    void firstAttemptWritesOneEnvelopeOneEntryAndACompleteMarker() throws IOException {
        UUID id = UUID.randomUUID();

        IntakeResult result = intake.accept(TestBatches.batch(id, "005930", WINDOW));

        assertTrue(result.created());
        assertEquals("raw/2025/03/04/market_data_005930_20250304_090000.json", result.receipt().archiveRef());
        assertEquals(1, envelopes().size());
        List<OutboxEntry> pending = outbox.pending();
        assertEquals(1, pending.size());
        assertEquals(result.receipt().archiveRef(), outbox.read(pending.get(0)).archiveRef());
        assertTrue(index.find(id).orElseThrow().isComplete());
    }

    @Test
    void retryAfterACrashBetweenEnvelopeAndOutboxReusesTheFileAndWritesTheEntry() throws IOException {
        UUID id = UUID.randomUUID();
        CollectedBatch batch = TestBatches.batch(id, "005930", WINDOW);
        // another batch already holds the plain name, so the crashed attempt's file is the _2
        intake.accept(TestBatches.batch(UUID.randomUUID(), "005930", WINDOW));
        StoredEnvelope crashed = crashAfterPublishing(batch);
        assertEquals(1, outbox.pending().size(), "the crashed attempt wrote no outbox entry");

        IntakeResult retry = intake.accept(batch);

        assertTrue(retry.created(), "the first successful answer for this batch is a 201");
        assertEquals(crashed.archiveRef(), retry.receipt().archiveRef());
        assertEquals(crashed.sha256(), retry.receipt().sha256());
        assertEquals(2, envelopes().size(), "no second file for the retried batch");
        assertEquals(1, entriesFor(id));
        assertTrue(index.find(id).orElseThrow().isComplete());
    }

    @Test
    void retryAfterACrashBeforeTheMarkerWasCompletedDoesNotDuplicateTheOutboxEntry() throws IOException {
        UUID id = UUID.randomUUID();
        CollectedBatch batch = TestBatches.batch(id, "005930", WINDOW);
        StoredEnvelope crashed = crashAfterPublishing(batch);
        outbox.append(batch.withArchiveRef(crashed.archiveRef()));

        IntakeResult retry = intake.accept(batch);

        assertTrue(retry.created());
        assertEquals(crashed.archiveRef(), retry.receipt().archiveRef());
        assertEquals(1, envelopes().size());
        assertEquals(1, entriesFor(id));
    }

    @Test
    void retryOnAnotherReplicaAfterACrashBeforeTheMarkerWasCompletedDoesNotQueueTheBatchTwice() throws IOException {
        UUID id = UUID.randomUUID();
        CollectedBatch batch = TestBatches.batch(id, "005930", WINDOW);
        StoredEnvelope crashed = crashAfterPublishing(batch);
        ArchiveOutbox crashedReplica = new ArchiveOutbox(root.outbox(), ReplicaId.of("crashed"), TestBatches.mapper(),
                Clock.systemUTC());
        crashedReplica.open(Duration.ZERO);
        crashedReplica.append(batch.withArchiveRef(crashed.archiveRef()));
        crashedReplica.close();

        IntakeResult retry = intake.accept(batch); // the Service routed the collector's retry to this replica

        assertTrue(retry.created());
        assertEquals(crashed.archiveRef(), retry.receipt().archiveRef());
        assertEquals(0, entriesFor(id), "queued once, by the replica that crashed");
        assertEquals(1, crashedReplica.pending().size());
    }

    @Test
    void retryAfterACrashRightAfterTheReservationWritesTheEnvelope() throws IOException {
        UUID id = UUID.randomUUID();
        CollectedBatch batch = TestBatches.batch(id, "005930", WINDOW);
        ArchiveKey key = ArchiveKey.of(batch);
        index.reserve(BatchMarker.pending(id, key, BatchDescription.of(batch), Instant.now()));

        IntakeResult retry = intake.accept(batch);

        assertEquals(key.ref(1), retry.receipt().archiveRef());
        assertEquals(1, envelopes().size());
        assertEquals(1, entriesFor(id));
    }

    @Test
    void completedBatchIsADuplicateAndNothingIsWrittenAgain() throws IOException {
        UUID id = UUID.randomUUID();
        IntakeResult first = intake.accept(TestBatches.batch(id, "005930", WINDOW));

        IntakeResult again = intake.accept(TestBatches.batch(id, "005930", WINDOW));

        assertFalse(again.created());
        assertTrue(again.receipt().duplicate());
        assertEquals(first.receipt().archiveRef(), again.receipt().archiveRef());
        assertEquals(first.receipt().sha256(), again.receipt().sha256());
        assertEquals(1, envelopes().size());
        assertEquals(1, entriesFor(id));
    }

    @Test
    void fullDiskRefusesTheBatchAndWritesNothing() throws IOException {
        ArchiveIntake full = intake(Long.MAX_VALUE);

        assertThrows(ArchiveFullException.class,
                () -> full.accept(TestBatches.batch(UUID.randomUUID(), "005930", WINDOW)));

        assertTrue(envelopes().isEmpty());
        assertTrue(outbox.pending().isEmpty());
        try (Stream<Path> markers = Files.walk(root.index())) {
            assertEquals(0, markers.filter(Files::isRegularFile).count());
        }
    }

    /** What a crash right after the envelope's publication leaves: a PENDING marker and the file. */
    private StoredEnvelope crashAfterPublishing(CollectedBatch batch) throws IOException {
        ArchiveKey key = ArchiveKey.of(batch);
        index.reserve(BatchMarker.pending(batch.batchId(), key, BatchDescription.of(batch), Instant.now()));
        return store.put(key, format.render(batch));
    }

    private ArchiveIntake intake(long minFreeBytes) {
        return new ArchiveIntake(store, index, outbox, format, new FreeSpacePolicy(root, minFreeBytes),
                new ArchiveMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
    }

    private List<Path> envelopes() throws IOException {
        try (Stream<Path> files = Files.walk(root.raw())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private long entriesFor(UUID id) throws IOException {
        return outbox.pending().stream().filter(e -> e.batchId().equals(id)).count();
    }
}
