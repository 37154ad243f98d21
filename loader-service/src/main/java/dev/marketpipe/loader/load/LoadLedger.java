package dev.marketpipe.loader.load;

import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.ValidatedBatch;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The {@code loaded_batch} table: which batch ids are loaded, with what result. Claiming a batch id is the first
 * write of a load, so two deliveries of the same batch at once serialize on its primary key: the second waits
 * for the first transaction and then finds the id taken (effect exactly once, ARCHITECTURE invariant 2).
 */
@ApplicationScoped
public class LoadLedger {

    private static final String CLAIM = "INSERT INTO loaded_batch (batch_id, data_type, symbol, \"interval\", source, "
            + "archive_ref, records_received, rows_changed, rows_unchanged, quarantined) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0) ON CONFLICT (batch_id) DO NOTHING";
    private static final String FIND = "SELECT rows_changed, rows_unchanged, quarantined FROM loaded_batch "
            + "WHERE batch_id = ?";
    private static final String COMPLETE = "UPDATE loaded_batch SET rows_changed = ?, rows_unchanged = ?, "
            + "quarantined = ? WHERE batch_id = ?";

    /** Takes the batch id for this transaction; empty when it was already loaded (then its stored receipt). */
    public Optional<LoadReceipt> claim(Connection connection, ValidatedBatch batch) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setObject(1, batch.batchId());
            claim.setString(2, batch.dataType().code());
            claim.setString(3, batch.symbol());
            claim.setString(4, batch.interval() == null ? null : batch.interval().code());
            claim.setString(5, batch.source() == null ? null : batch.source().code());
            claim.setString(6, batch.archiveRef());
            claim.setInt(7, batch.recordsReceived());
            if (claim.executeUpdate() == 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setObject(1, batch.batchId());
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("batch " + batch.batchId() + " neither claimed nor found");
                }
                return Optional.of(new LoadReceipt(batch.batchId(), row.getInt(1), row.getInt(2), row.getInt(3),
                        true));
            }
        }
    }

    public void complete(Connection connection, LoadReceipt receipt) throws SQLException {
        try (PreparedStatement complete = connection.prepareStatement(COMPLETE)) {
            complete.setInt(1, receipt.rowsChanged());
            complete.setInt(2, receipt.rowsUnchanged());
            complete.setInt(3, receipt.quarantined());
            complete.setObject(4, receipt.batchId());
            complete.executeUpdate();
        }
    }
}
