package dev.marketpipe.loader.load;

import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.ValidatedBatch;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Loads one {@link ValidatedBatch} (spec §3 step 6 "Load to Database"): checks it, writes it in one transaction
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
        if (receipt.duplicate()) {
            LOG.infof("batch %s (%s %s) already loaded; nothing written", batch.batchId(), batch.symbol(),
                    kind(batch));
        } else {
            LOG.infof("loaded batch %s (%s %s): %d changed, %d unchanged, %d quarantined", batch.batchId(),
                    batch.symbol(), kind(batch), receipt.rowsChanged(), receipt.rowsUnchanged(),
                    receipt.quarantined());
        }
        return receipt;
    }

    /** The interval of a bar batch, else the data type (order books and account data have no interval). */
    private static String kind(ValidatedBatch batch) {
        return batch.interval() != null ? batch.interval().code() : batch.dataType().code();
    }
}
