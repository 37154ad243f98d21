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

    /** Writes one row for a reported collection attempt (already checked by {@link CollectionAttemptCheck}). */
    @Transactional
    public CollectionLogView record(CollectionAttempt attempt) {
        CollectionLogEntry entry = new CollectionLogEntry();
        entry.timestamp = Instant.now();
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
        return CollectionLogView.of(entry);
    }
}
