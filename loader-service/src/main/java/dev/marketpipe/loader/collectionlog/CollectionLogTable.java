package dev.marketpipe.loader.collectionlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data_collection_log} table in plain SQL, its row being a {@link CollectionLogView}: one
 * insert, used for a loaded batch's row on the batch's own connection and transaction, and for a reported
 * collection attempt; and the reads. Plain statements, not a Hibernate entity: opening a session and flushing it
 * for one row was ≈ 15 % of the loader's CPU per batch (as a profile of the pipeline's backfill showed).
 */
public final class CollectionLogTable {

    private static final String COLUMNS = "id, \"timestamp\", symbol, \"interval\", status, records_collected,"
            + " error_message, execution_time_ms, batch_id, data_type, source, records_accepted, records_quarantined,"
            + " quality_score, error_type, provider, attempts";
    private static final String INSERT = "INSERT INTO data_collection_log (\"timestamp\", symbol, \"interval\", status,"
            + " records_collected, error_message, execution_time_ms, batch_id, data_type, source, records_accepted,"
            + " records_quarantined, quality_score, error_type, provider, attempts, attempt_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    private static final String LATEST = "SELECT " + COLUMNS + " FROM data_collection_log ORDER BY id DESC LIMIT ?";
    private static final String LATEST_OF_SYMBOL = "SELECT " + COLUMNS + " FROM data_collection_log WHERE symbol = ?"
            + " ORDER BY id DESC LIMIT ?";
    private static final String OF_ATTEMPT = "SELECT " + COLUMNS + " FROM data_collection_log WHERE attempt_id = ?";

    private CollectionLogTable() {
    }

    /** Inserts {@code row} (its id is ignored) and answers it with the id it was stored under. */
    public static CollectionLogView insert(Connection connection, CollectionLogView row, UUID attemptId)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, row.timestamp() == null ? null : OffsetDateTime.ofInstant(row.timestamp(), ZoneOffset.UTC));
            insert.setString(2, row.symbol());
            insert.setString(3, row.interval());
            insert.setString(4, row.status());
            insert.setObject(5, row.recordsCollected(), Types.INTEGER);
            insert.setString(6, row.errorMessage());
            insert.setObject(7, row.executionTimeMs(), Types.INTEGER);
            insert.setObject(8, row.batchId());
            insert.setString(9, row.dataType());
            insert.setString(10, row.source());
            insert.setObject(11, row.recordsAccepted(), Types.INTEGER);
            insert.setObject(12, row.recordsQuarantined(), Types.INTEGER);
            insert.setObject(13, row.qualityScore(), Types.DOUBLE);
            insert.setString(14, row.errorType());
            insert.setString(15, row.provider());
            insert.setObject(16, row.attempts(), Types.INTEGER);
            insert.setObject(17, attemptId);
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return row.withId(id.getLong(1));
            }
        }
    }

    /** The newest {@code limit} rows, of {@code symbol} only unless it is null. */
    static List<CollectionLogView> latest(Connection connection, String symbol, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(symbol == null ? LATEST : LATEST_OF_SYMBOL)) {
            int parameter = 1;
            if (symbol != null) {
                query.setString(parameter++, symbol);
            }
            query.setInt(parameter, limit);
            return rows(query);
        }
    }

    /** The row a reported attempt wrote, if any (one row per attempt id). */
    static List<CollectionLogView> ofAttempt(Connection connection, UUID attemptId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(OF_ATTEMPT)) {
            query.setObject(1, attemptId);
            return rows(query);
        }
    }

    private static List<CollectionLogView> rows(PreparedStatement query) throws SQLException {
        List<CollectionLogView> rows = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                OffsetDateTime timestamp = row.getObject(2, OffsetDateTime.class);
                rows.add(new CollectionLogView(row.getLong(1), timestamp == null ? null : timestamp.toInstant(),
                        row.getString(3), row.getString(4), row.getString(5), row.getObject(6, Integer.class),
                        row.getString(7), row.getObject(8, Integer.class), row.getObject(9, UUID.class),
                        row.getString(10), row.getString(11), row.getObject(12, Integer.class),
                        row.getObject(13, Integer.class), row.getObject(14, Double.class), row.getString(15),
                        row.getString(16), row.getObject(17, Integer.class)));
            }
        }
        return rows;
    }
}
