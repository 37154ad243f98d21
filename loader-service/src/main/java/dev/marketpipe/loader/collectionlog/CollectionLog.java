package dev.marketpipe.loader.collectionlog;

import dev.marketpipe.loader.database.DatabaseException;
import dev.marketpipe.wire.CollectionAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Reads {@code data_collection_log}, newest first (for reports and the collection-success KPI), and writes
 * the rows of collection attempts the collector reports (API error outcomes).
 */
@ApplicationScoped
public class CollectionLog {

    private final DataSource dataSource;

    public CollectionLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<CollectionLogView> latest(String symbol, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            return CollectionLogTable.latest(connection, symbol, limit);
        } catch (SQLException e) {
            throw new DatabaseException("reading the collection log failed", e);
        }
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
        try (Connection connection = dataSource.getConnection()) {
            if (attempt.attemptId() != null) {
                List<CollectionLogView> earlier = CollectionLogTable.ofAttempt(connection, attempt.attemptId());
                if (!earlier.isEmpty()) {
                    return new Recorded(earlier.get(0), false);
                }
            }
            Instant now = Instant.now();
            CollectionLogView row = new CollectionLogView(0,
                    attempt.occurredAt() == null || attempt.occurredAt().isAfter(now) ? now : attempt.occurredAt(),
                    attempt.symbol(), attempt.interval(), attempt.status(),
                    attempt.recordsCollected() == null ? 0 : attempt.recordsCollected(), attempt.errorMessage(),
                    attempt.executionTimeMs() == null ? null : attempt.executionTimeMs().intValue(), null,
                    attempt.dataType(), attempt.source(), null, null, null, attempt.errorType(), attempt.provider(),
                    attempt.attempts());
            return new Recorded(CollectionLogTable.insert(connection, row, attempt.attemptId()), true);
        } catch (SQLException e) {
            throw new DatabaseException("recording a collection attempt failed", e);
        }
    }
}
