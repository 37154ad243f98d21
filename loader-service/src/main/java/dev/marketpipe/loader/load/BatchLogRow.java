package dev.marketpipe.loader.load;

import dev.marketpipe.loader.collectionlog.CollectionLogTable;
import dev.marketpipe.loader.collectionlog.CollectionLogView;
import dev.marketpipe.wire.ValidatedBatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The loaded batch's {@code data_collection_log} row (its success or failure), inserted on the batch's own connection
 * and transaction ({@link CollectionLogTable}).
 */
final class BatchLogRow {

    private BatchLogRow() {
    }

    static void insert(Connection connection, ValidatedBatch batch, Instant now) throws SQLException {
        String issues = IssueSummary.of(batch);
        CollectionLogView row = new CollectionLogView(0, now, batch.symbol(),
                batch.interval() == null ? null : batch.interval().code(),
                issues == null ? CollectionLogView.SUCCESS : CollectionLogView.WARNING, batch.recordsReceived(), issues,
                (int) Math.min(Integer.MAX_VALUE, batch.apiLatencyMs()), batch.batchId(), batch.dataType().code(),
                batch.source() == null ? null : batch.source().code(),
                batch.recordsReceived() - batch.quarantinedCount(), batch.quarantinedCount(),
                Double.isFinite(batch.qualityScore()) ? batch.qualityScore() : null, null, null, null);
        CollectionLogTable.insert(connection, row, null);
    }
}
