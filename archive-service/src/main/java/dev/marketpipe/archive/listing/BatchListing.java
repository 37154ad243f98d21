package dev.marketpipe.archive.listing;

import dev.marketpipe.archive.index.BatchDescription;
import dev.marketpipe.archive.index.BatchIndex;
import dev.marketpipe.archive.index.BatchMarker;
import dev.marketpipe.archive.index.DayKey;
import dev.marketpipe.archive.outbox.ArchiveOutbox;
import dev.marketpipe.archive.outbox.OutboxContents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Lists archived batches by day ({@code GET /v1/batches}): reads only the asked days' folders of
 * the day index, filters data type and symbol by file name, and pages by position (date, then entry name).
 *
 * <p>The forwarding state is derived, not stored: an intake that has no completion is pending; an archived batch
 * whose entry waits in the outbox folder of any replica sharing the root ({@code outbox/<replica-id>/}) is queued,
 * in one's {@code dead/} dead-lettered, in neither forwarded — an entry leaves the outbox only by the validator's
 * acknowledgement (deleted) or refusal (moved to dead); adoption by another replica only moves it between
 * folders. Recording the acknowledgement in the marker would cost the forwarder one more fsynced write per batch;
 * deriving it costs a listing one scan of the outbox folders per {@value #CHUNK} entries. The markers of a chunk
 * are read <em>before</em> the outbox folders, which are read in an order every move follows (see
 * {@link ArchiveOutbox#everyReplica}), so a batch completing or moving meanwhile is never reported forwarded too
 * early. Delivery attempts are not reported: they are counted per lane in memory only
 * ({@code marketpipe_archive_forward_failures_total} has them in aggregate).
 */
@Singleton
public class BatchListing {

    /** Entries whose markers are read per scan of the outbox folders. */
    static final int CHUNK = 500;

    private final BatchIndex index;
    private final ArchiveOutbox outbox;

    @Inject
    public BatchListing(BatchIndex index, ArchiveOutbox outbox) {
        this.index = index;
        this.outbox = outbox;
    }

    public BatchPage list(BatchQuery query) throws IOException {
        List<ListedBatch> items = new ArrayList<>();
        DayKey last = null;
        boolean more = false;
        days:
        for (LocalDate date = query.from(); !date.isAfter(query.to()); date = date.plusDays(1)) {
            if (query.after() != null && date.isBefore(query.after().date())) {
                continue;
            }
            List<DayKey> keys = index.day(date, query.dataType(), query.symbol());
            if (query.after() != null && date.equals(query.after().date())) {
                keys = keys.stream().filter(k -> DayKey.ORDER.compare(k, query.after()) > 0).toList();
            }
            for (int start = 0; start < keys.size(); start += CHUNK) {
                for (Listed listed : describe(keys.subList(start, Math.min(keys.size(), start + CHUNK)))) {
                    if (query.state() != null && listed.batch().state() != query.state()) {
                        continue;
                    }
                    if (items.size() == query.limit()) {
                        more = true; // one more exists: the page is full and not the last
                        break days;
                    }
                    items.add(listed.batch());
                    last = listed.key();
                }
            }
        }
        return new BatchPage(query.from(), query.to(), items, more ? PageCursor.encode(last) : null);
    }

    private List<Listed> describe(List<DayKey> keys) throws IOException {
        List<Markers> read = new ArrayList<>(keys.size());
        for (DayKey key : keys) {
            Optional<BatchMarker> reservation = index.reservation(key);
            if (reservation.isPresent()) { // else removed by a person since the folder was listed
                read.add(new Markers(key, reservation.get(),
                        index.find(key.batchId()).filter(BatchMarker::isComplete).orElse(null)));
            }
        }
        OutboxContents outboxes = outbox.everyReplica(); // after the markers: see the class comment
        Set<UUID> queued = outboxes.queued();
        Set<UUID> dead = outboxes.dead();
        List<Listed> listed = new ArrayList<>(read.size());
        for (Markers m : read) {
            UUID id = m.key().batchId();
            ForwardingState state = m.completion() == null ? ForwardingState.PENDING_INTAKE
                    : queued.contains(id) ? ForwardingState.QUEUED
                    : dead.contains(id) ? ForwardingState.DEAD_LETTERED
                    : ForwardingState.FORWARDED;
            listed.add(new Listed(m.key(), m.toListed(state)));
        }
        return listed;
    }

    private record Listed(DayKey key, ListedBatch batch) {
    }

    /** A day entry's reservation and, once the intake finished, its completion. */
    private record Markers(DayKey key, BatchMarker reservation, BatchMarker completion) {

        ListedBatch toListed(ForwardingState state) {
            BatchDescription what = reservation.description();
            boolean done = completion != null;
            return new ListedBatch(key.batchId(), key.date(), key.dataType(), key.symbol(), what.interval(),
                    what.source(), what.windowStart(), what.windowEnd(), done ? completion.archiveRef() : null,
                    done ? completion.sha256() : null, done ? completion.bytes() : null,
                    done ? completion.updatedAt() : null, state);
        }
    }
}
