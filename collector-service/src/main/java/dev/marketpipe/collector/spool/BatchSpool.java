package dev.marketpipe.collector.spool;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.wire.CollectedBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Batches the archive could not take yet, kept on the collector's disk until it does (the archive's disk
 * full, or the archive down): one durable file per batch, in arrival order, surviving restarts and
 * {@code kill -9}. {@link SpoolDrainer} empties it oldest first.
 *
 * <p>Per-symbol order: while a symbol ({@link SpooledBatch#orderKey}) has batches here, {@link #holds} says so and
 * its new batches are spooled behind them, so the archive never gets a symbol's batches out of the order they were
 * collected in (a later batch of the same bars must stay the later one for the loader's upserts).
 *
 * <p>Free-space guard: below {@code marketpipe.collector.spool.min-free-mib} on the spool's disk, or when a write
 * fails, {@link #offer} refuses (ERROR line, {@code marketpipe_collector_spool_refused_total}) and the caller
 * falls back to retrying in memory. The happy path never touches the disk: {@link #holds} is answered from memory.
 */
@ApplicationScoped
public class BatchSpool {

    private static final Logger LOG = Logger.getLogger(BatchSpool.class);
    private static final long MIB = 1024L * 1024L;

    private final SpoolFolder folder;
    private final ObjectMapper json;
    private final long minFreeBytes;
    private final Clock clock;
    private final NavigableMap<Long, SpooledBatch> entries = new TreeMap<>();
    private final Map<String, Integer> heldKeys = new HashMap<>();
    private final Counter spooled;
    private final Counter refused;
    private final Counter drained;
    private final Counter dead;
    private boolean open;
    private long nextSeq;

    @Inject
    BatchSpool(SpoolConfig config, ObjectMapper json, MeterRegistry registry) {
        this(Path.of(config.dir()), config.minFreeMib(), json, registry, Clock.systemUTC());
    }

    /** Opens the spool folder at once, so that what an earlier run left is known before the first batch arrives. */
    public BatchSpool(Path dir, long minFreeMib, ObjectMapper json, MeterRegistry registry, Clock clock) {
        this.folder = new SpoolFolder(dir);
        this.json = json;
        this.minFreeBytes = minFreeMib * MIB;
        this.clock = clock;
        this.spooled = Counter.builder("marketpipe.collector.spool.spooled")
                .description("Batches written to the spool because the archive could not take them").register(registry);
        this.refused = Counter.builder("marketpipe.collector.spool.refused")
                .description("Batches the spool could not take (disk low or write failed); retried in memory")
                .register(registry);
        this.drained = Counter.builder("marketpipe.collector.spool.drained")
                .description("Spooled batches the archive has since acknowledged").register(registry);
        this.dead = Counter.builder("marketpipe.collector.spool.dead")
                .description("Spooled batches the archive refused for good, moved to the spool's dead/ folder")
                .register(registry);
        Gauge.builder("marketpipe.collector.spool.batches", this, BatchSpool::size)
                .description("Batches waiting in the spool for the archive").register(registry);
        Gauge.builder("marketpipe.collector.spool.oldest.age.seconds", this,
                        spool -> spool.oldestAge().map(Duration::toMillis).orElse(0L) / 1000.0)
                .description("How long the oldest spooled batch has waited").register(registry);
        synchronized (this) {
            ensureOpen();
        }
    }

    /** True while batches of this batch's symbol (or data type) wait here, so it must queue behind them. */
    public synchronized boolean holds(CollectedBatch batch) {
        return heldKeys.containsKey(SpooledBatch.orderKey(batch));
    }

    /**
     * Writes the batch durably behind everything spooled before it. False, with an ERROR line, when the spool
     * cannot take it (its disk is low, the folder cannot be written): the caller must keep the batch otherwise.
     */
    public synchronized boolean offer(CollectedBatch batch) {
        SpooledBatch entry = new SpooledBatch(nextSeq, batch.batchId(), SpooledBatch.orderKey(batch), clock.instant());
        try {
            if (!ensureOpen()) {
                return refuse(batch, "the spool folder " + folder.dir() + " cannot be opened");
            }
            byte[] content = json.writeValueAsBytes(batch);
            long usable = folder.usableBytes();
            if (usable - content.length < minFreeBytes) {
                return refuse(batch, String.format("only %d MiB free on the spool's disk (%s), below the %d MiB floor",
                        usable / MIB, folder.dir(), minFreeBytes / MIB));
            }
            folder.write(entry, content);
        } catch (IOException | RuntimeException e) {
            return refuse(batch, "writing " + folder.dir().resolve(entry.fileName()) + " failed: " + e);
        }
        nextSeq++;
        if (entries.isEmpty()) {
            LOG.warnf("the archive cannot take batches; spooling them in %s until it can", folder.dir());
        }
        entries.put(entry.seq(), entry);
        heldKeys.merge(entry.orderKey(), 1, Integer::sum);
        spooled.increment();
        return true;
    }

    /** The waiting batches, oldest first (a copy: the spool may change while the caller works through it). */
    public synchronized List<SpooledBatch> pending() {
        return new ArrayList<>(entries.values());
    }

    /** Reads a spooled batch back; a file that is no longer a {@link CollectedBatch} throws a Jackson exception. */
    public CollectedBatch read(SpooledBatch entry) throws IOException {
        return json.readValue(folder.read(entry), CollectedBatch.class);
    }

    /** The archive acknowledged the batch: forget it for good. */
    public synchronized void remove(SpooledBatch entry) throws IOException {
        folder.delete(entry);
        forget(entry);
        drained.increment();
    }

    /** The archive refused the batch for good: move it to {@code dead/}; returns where it is now. */
    public synchronized Path bury(SpooledBatch entry) throws IOException {
        Path grave = folder.bury(entry);
        forget(entry);
        dead.increment();
        return grave;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** How long the oldest waiting batch has waited; empty when the spool is empty. */
    public synchronized Optional<Duration> oldestAge() {
        return entries.isEmpty() ? Optional.empty()
                : Optional.of(Duration.between(entries.firstEntry().getValue().spooledAt(), clock.instant()));
    }

    /** Files in {@code dead/}: refused batches nobody has looked at yet. */
    public long deadCount() throws IOException {
        return folder.deadCount();
    }

    public Path dir() {
        return folder.dir();
    }

    private void forget(SpooledBatch entry) {
        entries.remove(entry.seq());
        heldKeys.computeIfPresent(entry.orderKey(), (key, count) -> count > 1 ? count - 1 : null);
    }

    private boolean refuse(CollectedBatch batch, String why) {
        refused.increment();
        LOG.errorf("batch %s (%s %s) cannot be spooled: %s; retrying it in memory instead (lost if the collector"
                + " stops before the archive takes it)", batch.batchId(), batch.dataType().code(),
                SpooledBatch.orderKey(batch), why);
        return false;
    }

    /** Opens the folder once: a folder that could not be opened at start (volume not mounted yet) is tried again. */
    private boolean ensureOpen() {
        if (open) {
            return true;
        }
        try {
            for (SpooledBatch entry : folder.open()) {
                entries.put(entry.seq(), entry);
                heldKeys.merge(entry.orderKey(), 1, Integer::sum);
            }
            nextSeq = entries.isEmpty() ? 0 : entries.lastKey() + 1;
            open = true;
            if (!entries.isEmpty()) {
                LOG.infof("%d batches wait in the spool %s from an earlier run; draining them", entries.size(),
                        folder.dir());
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf("the spool folder %s cannot be opened (%s); batches the archive cannot take are retried in"
                    + " memory until it can", folder.dir(), e);
        }
        return open;
    }
}
