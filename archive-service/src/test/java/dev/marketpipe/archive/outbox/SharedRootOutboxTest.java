package dev.marketpipe.archive.outbox;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.metrics.ArchiveMetrics;
import dev.marketpipe.wire.CollectedBatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several replicas on one archive root: each forwards only its own outbox folder, and the entries
 * of a replica that is gone — or of the older single-replica layout — are adopted exactly once, in order per symbol.
 * Replicas of one JVM are told apart by their lock (a second lock on one file is refused inside a JVM); a replica
 * alive in another process is a child process holding the lock.
 */
class SharedRootOutboxTest {

    private static final ForwarderSettings FAST = new ForwarderSettings(4, Duration.ofMillis(10),
            Duration.ofMillis(40), Duration.ofMillis(50));
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    /** Every delivery: which replica forwarded which batch, in the order they happened. */
    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private final List<OutboxForwarder> forwarders = new ArrayList<>();
    private final List<ArchiveOutbox> outboxes = new ArrayList<>();
    private Process child;

    @AfterEach
    void tearDown() throws IOException {
        forwarders.forEach(f -> f.stop(Duration.ofSeconds(2)));
        for (ArchiveOutbox outbox : outboxes) {
            outbox.close();
        }
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void twoReplicasOnOneRootForwardDisjointEntriesEachBatchOnce() throws IOException {
        ArchiveOutbox a = open("archive-a");
        ArchiveOutbox b = open("archive-b");
        Set<UUID> ofA = new HashSet<>();
        Set<UUID> ofB = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            String symbol = "S" + (i % 4); // both replicas take batches of the same symbols
            ofA.add(a.append(batch(symbol)).batchId());
            ofB.add(b.append(batch(symbol)).batchId());
        }
        assertEquals(0, new OrphanAdoption(a).run(), "b lives: nothing of it is adopted");
        assertEquals(0, new OrphanAdoption(b).run(), "a lives: nothing of it is adopted");

        forward(a);
        forward(b);

        await().atMost(WAIT).until(() -> a.pending().isEmpty() && b.pending().isEmpty());
        assertEquals(ofA, batchesForwardedBy("archive-a"));
        assertEquals(ofB, batchesForwardedBy("archive-b"));
        assertEquals(60, delivered.size(), "each batch forwarded exactly once");
    }

    @Test
    void goneReplicasEntriesAreAdoptedAfterTheAdoptersOwnAndForwardedOnceInOrderPerSymbol() throws IOException {
        ArchiveOutbox b = open("archive-b");
        List<UUID> xOfB = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            xOfB.add(b.append(batch("X")).batchId());
        }
        UUID yOfB = b.append(batch("Y")).batchId();
        OutboxEntry refused = b.append(batch("Z"));
        b.bury(refused);
        ArchiveOutbox a = open("archive-a");
        UUID xOfA = a.append(batch("X")).batchId(); // a's own entry of the same symbol, written meanwhile

        b.close(); // b is gone: its lock is free
        assertEquals(6, new OrphanAdoption(a).run());

        assertFalse(Files.exists(tmp.resolve("outbox/archive-b")), "the emptied folder is removed");
        List<UUID> expectedX = new ArrayList<>(List.of(xOfA));
        expectedX.addAll(xOfB);
        assertEquals(expectedX, batchIdsOf(a.pending(), "X"), "adopted after a's own entry, in b's order");
        assertStrictlyIncreasingSeqPerSymbol(a.pending());
        assertEquals(List.of(refused.batchId()), a.dead().stream().map(OutboxEntry::batchId).toList(),
                "dead letters are adopted too");
        assertEquals(0, new OrphanAdoption(a).run(), "adopted once");

        forward(a);
        await().atMost(WAIT).until(() -> a.pending().isEmpty());
        assertEquals(expectedX, forwardedInOrder("X"));
        assertEquals(List.of(yOfB), forwardedInOrder("Y"));
        assertEquals(6, delivered.size(), "each once; the dead letter not at all");
    }

    @Test
    void replicaAliveInAnotherProcessIsLeftAloneAndAdoptedOnceThatProcessIsKilled() throws Exception {
        ArchiveOutbox b = open("archive-b");
        List<UUID> xOfB = List.of(b.append(batch("X")).batchId(), b.append(batch("X")).batchId());
        b.close();
        child = holdLockInChildProcess("archive-b"); // archive-b runs on, in another process
        ArchiveOutbox a = open("archive-a");
        forward(a);

        assertEquals(0, new OrphanAdoption(a).run());
        assertEquals(2, entryFiles(tmp.resolve("outbox/archive-b")), "a live replica's entries stay where they are");

        child.destroyForcibly(); // kill -9: the OS drops its lock
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, new OrphanAdoption(a).run());

        await().atMost(WAIT).until(() -> a.pending().isEmpty());
        assertEquals(xOfB, forwardedInOrder("X"));
        assertEquals(2, delivered.size());
    }

    @Test
    void adopterThatDiedHalfWayIsAdoptedWithTheHeadOfItsAdoptionStillFirst() throws IOException {
        List<UUID> x = goneReplicaWith("archive-b", 4);
        ArchiveOutbox a = open("archive-a");
        UUID xOfA = a.append(batch("X")).batchId();
        halfAdopt(a, "archive-b", 2);
        a.close();

        ArchiveOutbox c = open("archive-c");
        assertEquals(5, new OrphanAdoption(c).run());

        List<UUID> expected = new ArrayList<>(List.of(xOfA));
        expected.addAll(x);
        assertEquals(expected, batchIdsOf(c.pending(), "X"));
        assertFalse(Files.exists(tmp.resolve("outbox/archive-a")));
        forward(c);
        await().atMost(WAIT).until(() -> c.pending().isEmpty());
        assertEquals(expected, forwardedInOrder("X"));
    }

    @Test
    void adopterRestartedUnderItsOwnIdFinishesItsUnfinishedAdoption() throws IOException {
        List<UUID> x = goneReplicaWith("archive-b", 3);
        ArchiveOutbox a = open("archive-a");
        halfAdopt(a, "archive-b", 1);
        a.close();

        ArchiveOutbox restarted = open("archive-a");
        assertEquals(2, new OrphanAdoption(restarted).run());

        assertEquals(x, batchIdsOf(restarted.pending(), "X"));
        assertFalse(Files.exists(tmp.resolve("outbox/archive-a/adopted")));
    }

    @Test
    void singleReplicaLayoutOfOlderVersionsIsMigratedOnceInOrderWithItsDeadLetters() throws IOException {
        Path outbox = tmp.resolve("outbox");
        List<UUID> x = legacyEntries(5);
        UUID y = writeLegacy(outbox, 6, "Y");
        UUID refused = writeLegacy(outbox.resolve("dead"), 7, "Z");
        Files.writeString(outbox.resolve(".tmp-123.part"), "{\"half"); // a write a crash interrupted

        ArchiveOutbox a = open("archive-a");
        assertEquals(7, new OrphanAdoption(a).run());

        assertEquals(List.of(), topLevelFiles(outbox), "nothing left in the old layout");
        assertFalse(Files.exists(outbox.resolve("dead")));
        assertEquals(x, batchIdsOf(a.pending(), "X"));
        assertEquals(List.of(refused), a.dead().stream().map(OutboxEntry::batchId).toList());
        assertEquals(0, new OrphanAdoption(a).run(), "migrated once");

        forward(a);
        await().atMost(WAIT).until(() -> a.pending().isEmpty());
        assertEquals(x, forwardedInOrder("X"));
        assertEquals(List.of(y), forwardedInOrder("Y"));
        assertEquals(6, delivered.size());
    }

    @Test
    void migrationInterruptedByItsHoldersDeathIsFinishedWithTheHeadFirst() throws IOException {
        Path outbox = tmp.resolve("outbox");
        List<UUID> x = legacyEntries(4);
        ArchiveOutbox a = open("archive-a");
        startMigration(a, 2);
        a.close(); // and died

        ArchiveOutbox c = open("archive-c");
        assertEquals(4, new OrphanAdoption(c).run());

        assertEquals(x, batchIdsOf(c.pending(), "X"));
        assertFalse(Files.exists(outbox.resolve(OutboxLayout.LEGACY_MARKER)));
        assertEquals(List.of(), topLevelFiles(outbox));
    }

    @Test
    void migrationHeldByALiveReplicaIsLeftToIt() throws IOException {
        Path outbox = tmp.resolve("outbox");
        List<UUID> x = legacyEntries(3);
        ArchiveOutbox a = open("archive-a");
        startMigration(a, 1);
        ArchiveOutbox c = open("archive-c");

        assertEquals(0, new OrphanAdoption(c).run(), "the rest would overtake the head a forwards");
        assertEquals(2, sortedEntries(outbox).size());

        assertEquals(2, new OrphanAdoption(a).run());
        assertEquals(x, batchIdsOf(a.pending(), "X"));
    }

    @Test
    void secondOutboxWithTheSameReplicaIdIsRefused() throws IOException {
        open("archive-a");
        ArchiveOutbox twin = new ArchiveOutbox(tmp.resolve("outbox"), ReplicaId.of("archive-a"),
                TestBatches.mapper(), Clock.systemUTC());

        IOException e = assertThrows(IOException.class, () -> twin.open(Duration.ZERO));
        assertTrue(e.getMessage().contains("same replica id"), e.getMessage());
    }

    @Test
    void replicaWhoseFolderWasTakenFromItStartsOverInAFreshFolder() throws IOException {
        ArchiveOutbox a = open("archive-a");
        a.append(batch("X"));
        // what another replica's adoption does when it wrongly took a's lock (a paused past its NFS lease)
        Files.move(tmp.resolve("outbox/archive-a"), tmp.resolve("elsewhere"));

        new OrphanAdoption(a).run();

        assertTrue(Files.isDirectory(a.deadFolder()));
        UUID fresh = a.append(batch("X")).batchId();
        assertEquals(List.of(fresh), batchIdsOf(a.pending(), "X"));
        ArchiveOutbox other = new ArchiveOutbox(tmp.resolve("outbox"), ReplicaId.of("archive-c"),
                TestBatches.mapper(), Clock.systemUTC());
        other.open(Duration.ZERO);
        outboxes.add(other);
        assertEquals(0, new OrphanAdoption(other).run(), "a holds its fresh folder");
    }

    private ArchiveOutbox open(String replica) throws IOException {
        ArchiveOutbox outbox = new ArchiveOutbox(tmp.resolve("outbox"), ReplicaId.of(replica), TestBatches.mapper(),
                Clock.systemUTC());
        outbox.open(Duration.ZERO);
        outboxes.add(outbox);
        return outbox;
    }

    private void forward(ArchiveOutbox outbox) {
        String replica = outbox.replica().value();
        OutboxForwarder forwarder = new OutboxForwarder(outbox, batch -> {
            delivered.add(new Delivered(replica, batch.batchId(), batch.symbol()));
            return Delivery.acknowledged(200);
        }, FAST, new ArchiveMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
        forwarders.add(forwarder);
        forwarder.start();
    }

    private Set<UUID> batchesForwardedBy(String replica) {
        return delivered.stream().filter(d -> d.replica().equals(replica)).map(Delivered::batchId)
                .collect(Collectors.toSet());
    }

    private List<UUID> forwardedInOrder(String symbol) {
        return delivered.stream().filter(d -> symbol.equals(d.symbol())).map(Delivered::batchId).toList();
    }

    private static List<UUID> batchIdsOf(List<OutboxEntry> entries, String symbol) {
        return entries.stream().filter(e -> e.laneKey().equals(symbol)).map(OutboxEntry::batchId).toList();
    }

    private static void assertStrictlyIncreasingSeqPerSymbol(List<OutboxEntry> inOrder) {
        Map<String, Long> last = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        for (OutboxEntry entry : inOrder) {
            assertTrue(seen.add(entry.seq()), "sequence numbers are unique in one folder");
            Long previous = last.put(entry.laneKey(), entry.seq());
            assertTrue(previous == null || previous < entry.seq());
        }
    }

    /** A replica that appended {@code count} batches of symbol X and is gone; answers their ids in order. */
    private List<UUID> goneReplicaWith(String replica, int count) throws IOException {
        ArchiveOutbox gone = open(replica);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(gone.append(batch("X")).batchId());
        }
        gone.close();
        return ids;
    }

    /**
     * What {@code adopter} leaves when it dies while emptying {@code gone}: the folder renamed below its
     * {@code adopted/}, the first {@code moved} entries taken over.
     */
    private void halfAdopt(ArchiveOutbox adopter, String gone, int moved) throws IOException {
        Path halfDone = adopter.folder().resolve(OutboxLayout.ADOPTED).resolve("1-" + gone);
        Files.createDirectories(halfDone.getParent());
        Files.move(tmp.resolve("outbox").resolve(gone), halfDone);
        for (Path entry : sortedEntries(halfDone).subList(0, moved)) {
            adopter.takeOver(entry, parse(entry), false);
        }
    }

    /** What {@code holder} leaves after migrating the first {@code moved} entries of the single-replica layout. */
    private void startMigration(ArchiveOutbox holder, int moved) throws IOException {
        Path outbox = tmp.resolve("outbox");
        Files.writeString(outbox.resolve(OutboxLayout.LEGACY_MARKER), holder.replica().value());
        for (Path entry : sortedEntries(outbox).subList(0, moved)) {
            holder.takeOver(entry, parse(entry), false);
        }
    }

    /** {@code count} entries of symbol X in the single-replica layout; answers their ids in order. */
    private List<UUID> legacyEntries(int count) throws IOException {
        List<UUID> ids = new ArrayList<>();
        for (int seq = 1; seq <= count; seq++) {
            ids.add(writeLegacy(tmp.resolve("outbox"), seq, "X"));
        }
        return ids;
    }

    /** An entry as versions before replica folders wrote it, directly in {@code folder}. */
    private static UUID writeLegacy(Path folder, long seq, String symbol) throws IOException {
        CollectedBatch batch = batch(symbol);
        OutboxEntry entry = OutboxEntry.create(1_700_000_000_000L + seq, seq, batch.batchId(), symbol);
        Files.createDirectories(folder);
        Files.write(folder.resolve(entry.fileName()), TestBatches.mapper().writeValueAsBytes(batch));
        return batch.batchId();
    }

    private static List<Path> sortedEntries(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> OutboxEntry.parse(f.getFileName().toString()).isPresent())
                    .sorted((p, q) -> OutboxEntry.ORDER.compare(parse(p), parse(q))).toList();
        }
    }

    private static long entryFiles(Path folder) throws IOException {
        return sortedEntries(folder).size();
    }

    private static List<String> topLevelFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> !n.equals(OutboxLayout.ADOPTION_LOCK)).toList();
        }
    }

    private static OutboxEntry parse(Path file) {
        return OutboxEntry.parse(file.getFileName().toString()).orElseThrow();
    }

    private Process holdLockInChildProcess(String replica) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                OwnerLockHolder.class.getName(), tmp.resolve("outbox").toString(), replica)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return e.toString();
            }
        }).get(60, TimeUnit.SECONDS);
        assertEquals("locked", first, "the child process holds the lock");
        return process;
    }

    private static CollectedBatch batch(String symbol) {
        return TestBatches.batch(UUID.randomUUID(), symbol, "2025-03-04T00:00:00Z")
                .withArchiveRef("raw/2025/03/04/market_data_" + symbol + "_20250304_090000.json");
    }

    private record Delivered(String replica, UUID batchId, String symbol) {
    }
}
