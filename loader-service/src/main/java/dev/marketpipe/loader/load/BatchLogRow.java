package dev.marketpipe.loader.load;

import dev.marketpipe.loader.collectionlog.CollectionLogEntry;
import dev.marketpipe.wire.ValidatedBatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The loaded batch's {@code data_collection_log} row (spec §6, §3 step 8), inserted on the batch's own connection
 * and transaction. A plain statement, not the {@link CollectionLogEntry} entity: opening a Hibernate session and
 * flushing it for this one row was ≈ 15 % of the loader's CPU per batch (issue 6, pipeline backfill profile).
 */
final class BatchLogRow {

    private static final String INSERT = "INSERT INTO data_collection_log (\"timestamp\", symbol, \"interval\", status,"
            + " records_collected, error_message, execution_time_ms, batch_id, data_type, source, records_accepted,"
            + " records_quarantined, quality_score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private BatchLogRow() {
    }

    static void insert(Connection connection, ValidatedBatch batch, Instant now) throws SQLException {
        String issues = IssueSummary.of(batch);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setString(2, batch.symbol());
            insert.setString(3, batch.interval() == null ? null : batch.interval().code());
            insert.setString(4, issues == null ? CollectionLogEntry.SUCCESS : CollectionLogEntry.WARNING);
            insert.setInt(5, batch.recordsReceived());
            insert.setString(6, issues);
            insert.setInt(7, (int) Math.min(Integer.MAX_VALUE, batch.apiLatencyMs()));
            insert.setObject(8, batch.batchId());
            insert.setString(9, batch.dataType().code());
            insert.setString(10, batch.source() == null ? null : batch.source().code());
            insert.setInt(11, batch.recordsReceived() - batch.quarantinedCount());
            insert.setInt(12, batch.quarantinedCount());
            if (Double.isFinite(batch.qualityScore())) {
                insert.setDouble(13, batch.qualityScore());
            } else {
                insert.setNull(13, Types.DOUBLE);
            }
            insert.executeUpdate();
        }
    }
}
