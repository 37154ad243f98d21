package dev.marketpipe.collector.spool;

import com.fasterxml.jackson.core.JacksonException;
import dev.marketpipe.collector.client.ArchiveClient;
import dev.marketpipe.collector.client.ArchiveException;
import dev.marketpipe.logging.BatchLogContext;
import dev.marketpipe.wire.CollectedBatch;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ProcessingException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Empties the {@link BatchSpool} into the archive, from start-up on (so what a killed collector left is delivered
 * by the next one). Every {@code drain-interval} it ships the spooled batches oldest first, one at a time; a batch
 * leaves the spool only once the archive acknowledged it (201, or 200 for a batch id it already holds: the archive
 * is idempotent per batch id, so a crash between its answer and the deletion only repeats a duplicate). A batch the
 * archive refuses for good (4xx other than 408/429) moves to {@code dead/} with an ERROR line, and the pass goes on.
 * While the archive cannot take batches (5xx, 507 disk full, 408, 429, unreachable) the pass stops, keeping every
 * symbol's order, and the wait before the next doubles up to {@code drain-max-delay}.
 */
@ApplicationScoped
public class SpoolDrainer {

    private static final Logger LOG = Logger.getLogger(SpoolDrainer.class);

    private final BatchSpool spool;
    private final ArchiveClient archive;
    private final SpoolConfig config;
    private ScheduledExecutorService executor;
    private Duration wait;
    private boolean failing;
    private volatile boolean draining = true;

    SpoolDrainer(BatchSpool spool, ArchiveClient archive, SpoolConfig config) {
        this.spool = spool;
        this.archive = archive;
        this.config = config;
        this.wait = config.drainInterval();
    }

    void start(@Observes StartupEvent startup) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "spool-drainer");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::passThenReschedule);
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void passThenReschedule() {
        boolean rescheduled = false;
        try {
            boolean delivered;
            try {
                delivered = drain();
            } catch (RuntimeException e) {
                LOG.errorf(e, "spool drain pass failed; %d batches wait in %s", spool.size(), spool.dir());
                delivered = false;
            }
            wait = delivered ? config.drainInterval() : min(wait.multipliedBy(2), config.drainMaxDelay());
            try {
                executor.schedule(this::passThenReschedule, wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                LOG.debug("spool drainer stopped");
            }
            rescheduled = true;
        } finally {
            if (!rescheduled) {
                draining = false;
                LOG.errorf("the spool drainer stopped after an unexpected error; %d batches wait in %s until a"
                        + " restart (liveness check spool-drainer is DOWN)", spool.size(), spool.dir());
            }
        }
    }

    /**
     * False once a pass ended without scheduling the next (an {@link Error} escaped it): from then on nothing drains
     * the spool until the collector restarts — the one spool trouble a restart fixes.
     */
    public boolean isDraining() {
        return draining;
    }

    /** One pass over the spool; false when the archive (or the spool's disk) failed and the pass stopped early. */
    boolean drain() {
        int shipped = 0;
        for (SpooledBatch entry : spool.pending()) {
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            // around the catch clauses too: their lines (dead letter, outage) name this batch
            try (BatchLogContext ignored = BatchLogContext.open(entry.batchId())) {
                try {
                    CollectedBatch batch = spool.read(entry);
                    archive.shipOnce(batch);
                    spool.remove(entry);
                    shipped++;
                    LOG.infof("spooled batch %s archived", entry.batchId());
                } catch (ArchiveException.Refused e) {
                    bury(entry, e.getMessage());
                } catch (JacksonException e) {
                    bury(entry, "the file is not a readable batch: " + e.getOriginalMessage());
                } catch (NoSuchFileException e) {
                    forgetGone(entry);
                } catch (ArchiveException.Unavailable | ProcessingException | IOException e) {
                    if (!failing) {
                        LOG.warnf("the archive cannot take spooled batches yet (%s); %d wait in %s, retrying with"
                                + " backoff up to %s", e.getMessage(), spool.size(), spool.dir(),
                                config.drainMaxDelay());
                    }
                    failing = true;
                    return false;
                }
            }
        }
        if (shipped > 0 || failing) {
            LOG.infof("spool drained: %d batches archived, %d still waiting", shipped, spool.size());
        }
        failing = false;
        return true;
    }

    private void bury(SpooledBatch entry, String why) {
        try {
            LOG.errorf("the archive refused spooled batch %s (%s) for good: %s; moved to %s", entry.batchId(),
                    entry.orderKey(), why, spool.bury(entry));
        } catch (IOException e) {
            LOG.errorf("the archive refused spooled batch %s (%s) for good: %s; moving it to dead/ failed (%s),"
                    + " it stays in the spool", entry.batchId(), entry.orderKey(), why, e);
        }
    }

    /** Another collector sharing the folder after a restart delivered (and deleted) it; nothing left to do. */
    private void forgetGone(SpooledBatch entry) {
        try {
            spool.remove(entry);
            LOG.debugf("spooled batch %s is gone from %s; another collector delivered it", entry.batchId(), spool.dir());
        } catch (IOException e) {
            LOG.warnf("spooled batch %s is gone, but the spool folder could not be synced: %s", entry.batchId(), e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
