package dev.marketpipe.archive.intake;

import dev.marketpipe.archive.disk.FreeSpacePolicy;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.index.BatchDescription;
import dev.marketpipe.archive.index.BatchIndex;
import dev.marketpipe.archive.index.BatchMarker;
import dev.marketpipe.archive.metrics.ArchiveMetrics;
import dev.marketpipe.archive.outbox.ArchiveOutbox;
import dev.marketpipe.archive.store.ArchiveKey;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.ConfiguredArchiveStore;
import dev.marketpipe.archive.store.StoredEnvelope;
import dev.marketpipe.wire.ArchiveReceipt;
import dev.marketpipe.wire.CollectedBatch;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a collected batch into the archive (architecture invariant 1, "archive first"). A batch is
 * acknowledged only when both its envelope and its outbox entry are durable, and a batch id is archived at most
 * once. The steps, each durable (fsync) before the next begins:
 *
 * <ol>
 *   <li>Look up the batch in the index (its completion by id, else its reservation in its day). {@code COMPLETE}:
 *       answer the earlier receipt as a duplicate (200); nothing is written.</li>
 *   <li>Refuse with 507 when free space is below the threshold; nothing is written.</li>
 *   <li>No marker yet: write a {@code PENDING} marker that reserves the archive key (folder and base name from
 *       the window start in KST) — the batch's entry in the day index. A marker left {@code PENDING} by a crashed
 *       attempt keeps its key; the retry finds it in the same day because it carries the same batch.</li>
 *   <li>Publish the envelope under the key's first free name ({@code _2}, {@code _3}… never overwriting). If the
 *       marker was already {@code PENDING}, first look for an envelope of this batch id under the key — the
 *       crashed attempt may have published it — and reuse it instead of writing a second file.</li>
 *   <li>With {@code marketpipe.archive.csv-data-types} listing the batch's type, write its CSV copy next to the
 *       envelope ({@link CsvCopies}; again on a retry, same bytes).</li>
 *   <li>Append the outbox entry (the batch with its {@code archiveRef}), unless a crashed attempt already did —
 *       on this replica or another one sharing the root.</li>
 *   <li>Record the batch {@code COMPLETE} (under its id) with archiveRef, SHA-256 and size; answer 201.</li>
 * </ol>
 *
 * A crash anywhere before step 7 leaves no acknowledged batch; the collector retries, and the retry finishes
 * the work with the same file. A crash between steps 6 and 7 may, if the entry was already forwarded and removed,
 * make the retry forward the batch once more — at least once, which the validator and loader absorb by batch id.
 */
@Singleton
public class ArchiveIntake {

    private static final Logger LOG = Logger.getLogger(ArchiveIntake.class);

    private static final int LOCK_STRIPES = 256;

    private final ArchiveStore store;
    private final BatchIndex index;
    private final ArchiveOutbox outbox;
    private final EnvelopeFormat format;
    private final FreeSpacePolicy freeSpace;
    private final CsvCopies csv;
    private final ArchiveMetrics metrics;
    private final Clock clock;
    private final Object[] locks = new Object[LOCK_STRIPES];

    @Inject
    public ArchiveIntake(ConfiguredArchiveStore store, BatchIndex index, ArchiveOutbox outbox, EnvelopeFormat format,
                         FreeSpacePolicy freeSpace, CsvCopies csv, ArchiveMetrics metrics) {
        this(store.get(), index, outbox, format, freeSpace, csv, metrics, Clock.systemUTC());
    }

    /** An intake that writes no CSV copies. */
    public ArchiveIntake(ArchiveStore store, BatchIndex index, ArchiveOutbox outbox, EnvelopeFormat format,
                         FreeSpacePolicy freeSpace, ArchiveMetrics metrics, Clock clock) {
        this(store, index, outbox, format, freeSpace, CsvCopies.none(store), metrics, clock);
    }

    public ArchiveIntake(ArchiveStore store, BatchIndex index, ArchiveOutbox outbox, EnvelopeFormat format,
                         FreeSpacePolicy freeSpace, CsvCopies csv, ArchiveMetrics metrics, Clock clock) {
        this.store = store;
        this.index = index;
        this.outbox = outbox;
        this.format = format;
        this.freeSpace = freeSpace;
        this.csv = csv;
        this.metrics = metrics;
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Archives a validated batch; see the class comment for the steps. */
    public IntakeResult accept(CollectedBatch batch) throws IOException {
        UUID id = batch.batchId();
        // one attempt per batch id at a time, so two concurrent retries cannot both publish an envelope
        synchronized (locks[Math.floorMod(id.hashCode(), LOCK_STRIPES)]) {
            BatchMarker fresh = BatchMarker.pending(id, ArchiveKey.of(batch), BatchDescription.of(batch),
                    clock.instant());
            Optional<BatchMarker> earlier = index.find(fresh);
            if (earlier.isPresent() && earlier.get().isComplete()) {
                return new IntakeResult(receipt(earlier.get(), true), false);
            }
            if (freeSpace.isLow()) {
                throw new ArchiveFullException("the archive's disk has less than "
                        + freeSpace.minFreeBytes() / (1024 * 1024) + " MiB free; batch " + id + " was not written");
            }
            BatchMarker marker;
            if (earlier.isPresent()) {
                marker = earlier.get();
            } else {
                marker = fresh;
                index.reserve(marker);
            }
            ArchiveKey key = marker.key();

            Optional<StoredEnvelope> published = earlier.isPresent() ? store.find(key, id) : Optional.empty();
            long written = 0;
            StoredEnvelope envelope;
            if (published.isPresent()) {
                envelope = published.get();
            } else {
                envelope = store.put(key, format.render(batch));
                written = envelope.bytes();
            }
            csv.write(batch, envelope.archiveRef());

            if (earlier.isEmpty() || !outbox.contains(id)) {
                outbox.append(batch.withArchiveRef(envelope.archiveRef()).forwarded());
            }

            BatchMarker complete = marker.complete(envelope.archiveRef(), envelope.sha256(), envelope.bytes(),
                    clock.instant());
            index.complete(complete);
            metrics.archived(written, batch.recordCount());
            LOG.infof("archived batch %s as %s (%d records, %d bytes)", id, envelope.archiveRef(),
                    batch.recordCount(), envelope.bytes());
            return new IntakeResult(receipt(complete, false), true);
        }
    }

    /** The receipt of an archived batch, if it is archived. */
    public Optional<ArchiveReceipt> receipt(UUID batchId) throws IOException {
        return index.find(batchId).filter(BatchMarker::isComplete).map(m -> receipt(m, false));
    }

    private static ArchiveReceipt receipt(BatchMarker marker, boolean duplicate) {
        return new ArchiveReceipt(marker.batchId(), marker.archiveRef(), marker.sha256(), marker.bytes(), duplicate);
    }
}
