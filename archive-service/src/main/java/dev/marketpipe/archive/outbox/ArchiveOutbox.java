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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The durable outbox (architecture: "the outbox that forwards each archived batch downstream until it is
 * acknowledged"): one file per accepted batch in {@code outbox/}, holding the full {@link CollectedBatch} with its
 * {@code archiveRef}. An entry is written with temp file, fsync, atomic rename and folder fsync, so it is either
 * complete or absent after a crash; it is deleted when the validator acknowledged it, or moved to
 * {@code outbox/dead/} when the validator can never accept it.
 *
 * <p>Sequence numbers continue after the highest one on disk, so entries written after a restart sort after the
 * ones left behind. Entries of one symbol are appended under one lock, so they become visible — and are
 * announced to listeners — in sequence order.
 */
public final class ArchiveOutbox {

    private static final Logger LOG = Logger.getLogger(ArchiveOutbox.class);
    private static final int STRIPES = 64;

    private final Path dir;
    private final Path deadDir;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AtomicLong nextSeq = new AtomicLong(1);
    private final Object[] stripes = new Object[STRIPES];
    private final List<Consumer<OutboxEntry>> listeners = new CopyOnWriteArrayList<>();

    public ArchiveOutbox(Path dir, Path deadDir, ObjectMapper mapper, Clock clock) {
        this.dir = dir;
        this.deadDir = deadDir;
        this.mapper = mapper;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * Prepares the outbox after a start: creates the folders, removes temp files of writes a crash interrupted
     * (their batches were never acknowledged, the collector retries them) and continues the sequence.
     */
    public void open() throws IOException {
        Files.createDirectories(deadDir);
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

    /** True when {@code batchId} has an entry, pending or dead. */
    public boolean contains(UUID batchId) throws IOException {
        String glob = "*-" + batchId + "*.json";
        return !list(dir, glob).isEmpty() || !list(deadDir, glob).isEmpty();
    }

    public CollectedBatch read(OutboxEntry entry) throws IOException {
        return mapper.readValue(Files.readAllBytes(dir.resolve(entry.fileName())), CollectedBatch.class);
    }

    /** The validator acknowledged the entry: it is done. */
    public void acknowledge(OutboxEntry entry) throws IOException {
        DurableFiles.delete(dir.resolve(entry.fileName()));
    }

    /** The validator can never accept the entry: keep it aside for a person, stop forwarding it. */
    public Path bury(OutboxEntry entry) throws IOException {
        Path target = deadDir.resolve(entry.fileName());
        DurableFiles.move(dir.resolve(entry.fileName()), target);
        LOG.debugf("moved outbox entry %s to %s", entry.fileName(), target);
        return target;
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
