package dev.marketpipe.archive.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.archive.disk.DurableFiles;
import dev.marketpipe.wire.CollectedBatch;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The durable outbox (architecture: "the outbox that forwards each archived batch downstream until it is
 * acknowledged"): one file per accepted batch in this replica's folder {@code outbox/<replica-id>/}, holding the full
 * {@link CollectedBatch} with its {@code archiveRef}. An entry is written with temp file, fsync, atomic rename and
 * folder fsync, so it is either complete or absent after a crash; it is deleted when the validator acknowledged it,
 * or moved to {@code outbox/<replica-id>/dead/} when the validator can never accept it.
 *
 * <p>Several replicas may share one archive root; each forwards only its own folder, which it
 * locks ({@code .owner}) for as long as it runs. The entries of a replica that is gone are adopted by another one
 * ({@link OrphanAdoption}, through {@link #takeOver}).
 *
 * <p>Sequence numbers continue after the highest one in the folder, so entries written after a restart sort after
 * the ones left behind. Entries of one symbol are appended (or taken over) under one lock, so they become visible
 * — and are announced to listeners — in sequence order.
 */
public final class ArchiveOutbox {

    private static final Logger LOG = Logger.getLogger(ArchiveOutbox.class);
    private static final int STRIPES = 64;
    /**
     * How many appended batches are kept in memory until the forwarder reads them (a 390-bar batch is ≈ 0.3 MB on
     * the heap); beyond that, and after a restart, the forwarder reads the file back.
     */
    private static final int HANDED_OVER_LIMIT = 32;

    private final OutboxLayout layout;
    private final ReplicaId replica;
    private final Path dir;
    private final Path deadDir;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AtomicLong nextSeq = new AtomicLong(1);
    private final Object[] stripes = new Object[STRIPES];
    private final List<Consumer<OutboxEntry>> listeners = new CopyOnWriteArrayList<>();
    /**
     * The batches of entries this process appended and the forwarder has not read yet, by file name: the forwarder
     * usually reads an entry milliseconds after it was written, and reading it back and parsing it again was the
     * archive's largest single cost per batch (as a profile of the pipeline's backfill showed). The file stays the
     * durable record; this only spares re-reading what was just written.
     */
    private final Map<String, CollectedBatch> handedOver = new ConcurrentHashMap<>();
    private OwnerLock owner;
    private Duration ownerWait;
    private boolean closed;

    /**
     * @param outboxRoot the shared {@code outbox/} folder of the archive root
     * @param replica    this replica's name: its entries live in {@code outboxRoot/<replica>/}
     */
    public ArchiveOutbox(Path outboxRoot, ReplicaId replica, ObjectMapper mapper, Clock clock) {
        this.layout = new OutboxLayout(outboxRoot);
        this.replica = replica;
        this.dir = layout.replica(replica);
        this.deadDir = dir.resolve(OutboxLayout.DEAD);
        this.mapper = mapper;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * Prepares the outbox after a start: takes this replica's folder (creating it, and waiting up to
     * {@code ownerWait} while another process holds its lock), removes temp files of writes a crash interrupted
     * (their batches were never acknowledged, the collector retries them) and continues the sequence.
     */
    public synchronized void open(Duration ownerWait) throws IOException {
        this.ownerWait = ownerWait;
        owner = OwnerLock.acquire(layout.root(), dir, OutboxLayout.OWNER, ownerWait);
        DurableFiles.createDirectories(layout.root(), deadDir);
        long maxSeq = 0;
        for (Path folder : List.of(dir, deadDir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (name.startsWith(DurableFiles.TEMP_PREFIX)) {
                        Files.deleteIfExists(file);
                        continue;
                    }
                    Optional<OutboxEntry> entry = OutboxEntry.parse(name);
                    if (entry.isPresent()) {
                        maxSeq = Math.max(maxSeq, entry.get().seq());
                    }
                }
            }
        }
        nextSeq.set(maxSeq + 1);
        LOG.infof("outbox: replica %s forwards the entries of %s", replica, dir);
    }

    /**
     * Releases this replica's folder (its lock): from now on another replica may adopt what is left in it — also
     * an entry an intake finishing during shutdown still appends.
     */
    public synchronized void close() throws IOException {
        closed = true;
        if (owner != null) {
            owner.close();
        }
    }

    /** Called, in sequence order per symbol, for each entry appended from now on. */
    public void onAppend(Consumer<OutboxEntry> listener) {
        listeners.add(listener);
    }

    /** Durably adds a batch (with its {@code archiveRef} set) and announces it. */
    public OutboxEntry append(CollectedBatch batch) throws IOException {
        if (batch.archiveRef() == null) {
            throw new IllegalArgumentException("outbox entries carry their archiveRef");
        }
        byte[] json = mapper.writeValueAsBytes(batch);
        String laneKey = batch.symbol() == null ? "" : batch.symbol();
        synchronized (stripes[Math.floorMod(laneKey.hashCode(), STRIPES)]) {
            OutboxEntry entry = OutboxEntry.create(clock.millis(), nextSeq.getAndIncrement(), batch.batchId(),
                    batch.symbol());
            DurableFiles.replace(dir.resolve(entry.fileName()), json);
            if (handedOver.size() < HANDED_OVER_LIMIT) {
                handedOver.put(entry.fileName(), batch);
            }
            for (Consumer<OutboxEntry> listener : listeners) {
                listener.accept(entry);
            }
            return entry;
        }
    }

    /** The entries waiting to be forwarded, in sequence order. */
    public List<OutboxEntry> pending() throws IOException {
        List<OutboxEntry> entries = list(dir, "*.json");
        entries.sort(OutboxEntry.ORDER);
        return entries;
    }

    /** The entries the validator refused for good. */
    public List<OutboxEntry> dead() throws IOException {
        List<OutboxEntry> entries = list(deadDir, "*.json");
        entries.sort(OutboxEntry.ORDER);
        return entries;
    }

    /**
     * True when {@code batchId} has an entry, pending or dead, in the folder of any replica sharing the root: an
     * interrupted intake on one replica may be retried on another.
     */
    public boolean contains(UUID batchId) throws IOException {
        OutboxContents everywhere = everyReplica();
        return everywhere.queued().contains(batchId) || everywhere.dead().contains(batchId);
    }

    /** What waits, and what was refused, in the folders of every replica sharing the archive root. */
    public OutboxContents everyReplica() throws IOException {
        return new OutboxTree(layout).read();
    }

    /** The entry's batch: the one appended by this process if the forwarder has not read it yet, else its file. */
    public CollectedBatch read(OutboxEntry entry) throws IOException {
        CollectedBatch appended = handedOver.remove(entry.fileName());
        if (appended != null) {
            return appended;
        }
        return mapper.readValue(Files.readAllBytes(dir.resolve(entry.fileName())), CollectedBatch.class);
    }

    /** The validator acknowledged the entry: it is done. */
    public void acknowledge(OutboxEntry entry) throws IOException {
        handedOver.remove(entry.fileName());
        DurableFiles.delete(dir.resolve(entry.fileName()));
    }

    /** The validator can never accept the entry: keep it aside for a person, stop forwarding it. */
    public Path bury(OutboxEntry entry) throws IOException {
        handedOver.remove(entry.fileName());
        Path target = deadDir.resolve(entry.fileName());
        DurableFiles.move(dir.resolve(entry.fileName()), target);
        LOG.debugf("moved outbox entry %s to %s", entry.fileName(), target);
        return target;
    }

    /**
     * Moves {@code file}, an entry of a replica that is gone (or of the single-replica layout), into this outbox —
     * pending, or dead when {@code dead} — under a new sequence number, so it sorts after every entry already here
     * and the entries taken over keep the order in which they are handed in. Its creation time is kept (the
     * backlog's age). A pending entry is announced like an appended one.
     */
    void takeOver(Path file, OutboxEntry entry, boolean dead) throws IOException {
        String laneKey = entry.laneKey();
        synchronized (stripes[Math.floorMod(laneKey.hashCode(), STRIPES)]) {
            OutboxEntry moved = OutboxEntry.create(entry.createdMillis(), nextSeq.getAndIncrement(), entry.batchId(),
                    laneKey);
            DurableFiles.move(file, (dead ? deadDir : dir).resolve(moved.fileName()));
            if (!dead) {
                for (Consumer<OutboxEntry> listener : listeners) {
                    listener.accept(moved);
                }
            }
        }
    }

    /**
     * Makes sure this replica still owns its folder. It loses it only when another replica took its lock for
     * free — this process paused longer than an NFS lease, say — and adopted the entries; those are forwarded by
     * that replica now, and this one starts over in a fresh folder.
     */
    synchronized void ensureOwnership() throws IOException {
        if (closed || owner.isHeld()) {
            return;
        }
        LOG.errorf("outbox: replica %s lost its folder %s to another replica, which forwards the entries that were"
                + " in it; was this process paused, or its NFS lease lost? Taking the folder again", replica, dir);
        owner.close();
        owner = OwnerLock.acquire(layout.root(), dir, OutboxLayout.OWNER, ownerWait);
        DurableFiles.createDirectories(layout.root(), deadDir);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    OutboxLayout layout() {
        return layout;
    }

    public ReplicaId replica() {
        return replica;
    }

    public Path folder() {
        return dir;
    }

    public Path deadFolder() {
        return deadDir;
    }

    private static List<OutboxEntry> list(Path folder, String glob) throws IOException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, glob)) {
            for (Path file : files) {
                OutboxEntry.parse(file.getFileName().toString()).ifPresent(entries::add);
            }
        }
        return entries;
    }
}
