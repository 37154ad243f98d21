package dev.marketpipe.loader.collectionlog;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import dev.marketpipe.wire.CollectionAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Reads {@code data_collection_log}, newest first (for reports and the collection-success KPI, spec §8), and writes
 * the rows of collection attempts the collector reports (spec §7.1 outcomes).
 */
@ApplicationScoped
public class CollectionLog {

    public List<CollectionLogView> latest(String symbol, int limit) {
        var query = symbol == null
                ? CollectionLogEntry.<CollectionLogEntry>findAll(Sort.descending("id"))
                : CollectionLogEntry.<CollectionLogEntry>find("symbol", Sort.descending("id"), symbol);
        return query.page(Page.ofSize(limit)).list().stream().map(CollectionLogView::of).toList();
    }

    /** The row of a reported attempt, and whether this report wrote it (false: the same report came before). */
    public record Recorded(CollectionLogView row, boolean created) {
    }

    /**
     * Writes one row for a reported collection attempt (already checked by {@link CollectionAttemptCheck}), unless
     * a report with the same {@code attemptId} was written before. The row's timestamp is when the attempt ended
     * (never later than now), so a report that waited for the loader still counts for its own hour.
     */
    @Transactional
    public Recorded record(CollectionAttempt attempt) {
        if (attempt.attemptId() != null) {
            CollectionLogEntry earlier = CollectionLogEntry.find("attemptId", attempt.attemptId()).firstResult();
            if (earlier != null) {
                return new Recorded(CollectionLogView.of(earlier), false);
            }
        }
        Instant now = Instant.now();
        CollectionLogEntry entry = new CollectionLogEntry();
        entry.timestamp = attempt.occurredAt() == null || attempt.occurredAt().isAfter(now) ? now : attempt.occurredAt();
        entry.attemptId = attempt.attemptId();
        entry.symbol = attempt.symbol();
        entry.interval = attempt.interval();
        entry.status = attempt.status();
        entry.recordsCollected = attempt.recordsCollected() == null ? 0 : attempt.recordsCollected();
        entry.errorMessage = attempt.errorMessage();
        entry.executionTimeMs = attempt.executionTimeMs() == null ? null : attempt.executionTimeMs().intValue();
        entry.dataType = attempt.dataType();
        entry.source = attempt.source();
        entry.errorType = attempt.errorType();
        entry.provider = attempt.provider();
        entry.attempts = attempt.attempts();
        entry.persist();
        return new Recorded(CollectionLogView.of(entry), true);
    }
}
