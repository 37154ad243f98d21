package dev.marketpipe.collector.archive;

import dev.marketpipe.collector.client.ArchiveClient;
import dev.marketpipe.collector.client.ArchiveException;
import dev.marketpipe.collector.spool.BatchSpool;
import dev.marketpipe.wire.CollectedBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.jboss.logging.Logger;

/**
 * Hands each collected batch to archive-service, the pipeline's durability point (architecture invariant 1), so
 * that nothing is lost while the archive is down or its disk is full and collection never waits for
 * it for long. The archive gets a few quick attempts ({@link ArchiveClient#shipNow}); a batch it still cannot take
 * is written to the collector's durable {@link BatchSpool} and the caller goes on, the spool's drainer delivering it
 * later, also after a restart. A batch of a symbol that already has batches in the spool goes straight to the spool,
 * behind them, so each symbol's batches reach the archive in the order they were collected. Only when the spool
 * cannot take a batch either (its own disk low) does the caller wait, retrying in memory as before the spool existed.
 * A batch the archive refuses (4xx) is not retried: the caller gets the {@link ArchiveException.Refused}.
 */
@ApplicationScoped
public class BatchShipper {

    private static final Logger LOG = Logger.getLogger(BatchShipper.class);

    private final ArchiveClient archive;
    private final BatchSpool spool;

    BatchShipper(ArchiveClient archive, BatchSpool spool) {
        this.archive = archive;
        this.spool = spool;
    }

    /** Returns once the batch is archived or durably spooled. */
    public Shipment ship(CollectedBatch batch) {
        if (spool.holds(batch)) {
            return spoolOrWait(batch);
        }
        try {
            archive.shipNow(batch);
            return Shipment.ARCHIVED;
        } catch (ArchiveException.Unavailable | ProcessingException e) {
            LOG.debugf("the archive cannot take batch %s now (%s)", batch.batchId(), e.getMessage());
            return spoolOrWait(batch);
        }
    }

    private Shipment spoolOrWait(CollectedBatch batch) {
        if (spool.offer(batch)) {
            return Shipment.SPOOLED;
        }
        archive.shipPatiently(batch);
        return Shipment.ARCHIVED;
    }
}
