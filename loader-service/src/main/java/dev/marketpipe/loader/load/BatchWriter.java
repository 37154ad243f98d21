package dev.marketpipe.loader.load;

import dev.marketpipe.loader.bars.MarketTable;
import dev.marketpipe.loader.database.DatabaseException;
import dev.marketpipe.loader.push.BarEvents;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.ValidatedBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes one validated batch (or a group of them) in ONE transaction: claim the batch id, upsert the accepted bars,
 * store the quarantined records, write the {@code data_collection_log} row and the ledger's
 * counts. Either all of it is stored or none, so a retried delivery after any failure starts from a clean slate.
 */
@ApplicationScoped
public class BatchWriter {

    private final DataSource dataSource;
    private final LoadLedger ledger;
    private final BarUpserter upserter;
    private final RecordUpserter recordUpserter;
    private final QuarantineWriter quarantine;

    public BatchWriter(DataSource dataSource, LoadLedger ledger, BarUpserter upserter, RecordUpserter recordUpserter,
            QuarantineWriter quarantine) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.upserter = upserter;
        this.recordUpserter = recordUpserter;
        this.quarantine = quarantine;
    }

    @Transactional
    public LoadReceipt write(ValidatedBatch batch) {
        // Agroal hands every getConnection() of this transaction the same enlisted connection.
        try (Connection connection = dataSource.getConnection()) {
            return write(connection, batch);
        } catch (SQLException e) {
            throw new DatabaseException("loading batch " + batch.batchId() + " failed", e);
        }
    }

    /**
     * Several batches in ONE transaction, each as {@link #write(ValidatedBatch)} would write it (its own ledger row,
     * rows and log row): the commit's flush and the request's costs are shared, idempotency stays per batch id.
     */
    @Transactional
    public List<LoadReceipt> writeAll(List<ValidatedBatch> batches) {
        try (Connection connection = dataSource.getConnection()) {
            List<LoadReceipt> receipts = new ArrayList<>(batches.size());
            for (ValidatedBatch batch : batches) {
                receipts.add(write(connection, batch));
            }
            return receipts;
        } catch (SQLException e) {
            throw new DatabaseException("loading a group of " + batches.size() + " batches failed", e);
        }
    }

    private LoadReceipt write(Connection connection, ValidatedBatch batch) throws SQLException {
        Optional<LoadReceipt> earlier = ledger.claim(connection, batch);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        UpsertCounts counts = batch.dataType() == DataType.MARKET_DATA
                ? upserter.upsert(connection, MarketTable.of(batch.interval()), batch.symbol(), batch.accepted())
                : recordUpserter.upsert(connection, batch);
        if (batch.dataType() == DataType.MARKET_DATA && counts.changed() > 0) {
            BarEvents.changed(connection, batch.symbol(), batch.interval(), first(batch), last(batch),
                    MarketTable.REST);
        }
        quarantine.insert(connection, batch);
        LoadReceipt receipt = new LoadReceipt(batch.batchId(), counts.changed(), counts.unchanged(),
                batch.quarantinedCount(), false);
        ledger.complete(connection, receipt);
        BatchLogRow.insert(connection, batch, Instant.now());
        return receipt;
    }

    private static Instant first(ValidatedBatch batch) {
        return batch.accepted().stream().map(a -> a.bar().timestamp()).min(Instant::compareTo).orElseThrow();
    }

    private static Instant last(ValidatedBatch batch) {
        return batch.accepted().stream().map(a -> a.bar().timestamp()).max(Instant::compareTo).orElseThrow();
    }
}
