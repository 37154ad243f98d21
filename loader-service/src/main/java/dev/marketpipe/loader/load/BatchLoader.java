package dev.marketpipe.loader.load;

import dev.marketpipe.wire.GroupCheck;
import dev.marketpipe.wire.GroupResult;
import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.ValidatedBatch;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Loads one {@link ValidatedBatch} into the database: checks it, writes it in one transaction
 * through {@link BatchWriter}, and counts it once committed. Idempotent on the batch id.
 */
@ApplicationScoped
public class BatchLoader {

    private static final Logger LOG = Logger.getLogger(BatchLoader.class);

    private final BatchWriter writer;
    private final LoadMetrics metrics;

    public BatchLoader(BatchWriter writer, LoadMetrics metrics) {
        this.writer = writer;
        this.metrics = metrics;
    }

    public LoadReceipt load(ValidatedBatch batch) {
        LoadRequestCheck.check(batch);
        Timer.Sample sample = metrics.start();
        LoadReceipt receipt = writer.write(batch);
        metrics.record(batch, receipt, sample);
        logLoaded(batch, receipt);
        return receipt;
    }

    /**
     * Loads a group: each batch is checked on its own (a batch that fails the check gets its 4xx result and is not
     * written), the others are written in one transaction. One result per batch, in the order given.
     */
    public List<GroupResult> loadAll(List<ValidatedBatch> batches) {
        return GroupCheck.eachChecked(batches, ValidatedBatch::batchId, LoadRequestCheck::check, writable -> {
            Timer.Sample sample = metrics.start();
            List<LoadReceipt> written = writer.writeAll(writable);
            metrics.record(writable, written, sample);
            for (int i = 0; i < writable.size(); i++) {
                logLoaded(writable.get(i), written.get(i));
            }
            return written.stream().map(GroupResult::loaded).toList();
        });
    }

    private static void logLoaded(ValidatedBatch batch, LoadReceipt receipt) {
        if (receipt.duplicate()) {
            LOG.infof("batch %s (%s %s) already loaded; nothing written", batch.batchId(), batch.symbol(),
                    kind(batch));
        } else {
            LOG.infof("loaded batch %s (%s %s): %d changed, %d unchanged, %d quarantined", batch.batchId(),
                    batch.symbol(), kind(batch), receipt.rowsChanged(), receipt.rowsUnchanged(),
                    receipt.quarantined());
        }
    }

    /** The interval of a bar batch, else the data type (order books and account data have no interval). */
    private static String kind(ValidatedBatch batch) {
        return batch.interval() != null ? batch.interval().code() : batch.dataType().code();
    }
}
