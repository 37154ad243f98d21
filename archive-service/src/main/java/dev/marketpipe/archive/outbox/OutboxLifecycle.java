package dev.marketpipe.archive.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;

/**
 * Runs the outbox for the life of the service: at start, entries a previous run left — and those of replicas that
 * are gone — are forwarded; every {@code marketpipe.archive.outbox.orphan-check-interval} the replicas sharing the
 * root are checked again; at shutdown this replica's folder is released, so another replica may adopt what is left.
 */
@Singleton
public class OutboxLifecycle {

    private static final Logger LOG = Logger.getLogger(OutboxLifecycle.class);

    /** How long shutdown waits for a delivery in flight; an unfinished one is simply redelivered next time. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final OutboxForwarder forwarder;
    private final ArchiveOutbox outbox;
    private final OrphanAdoption adoption;

    @Inject
    public OutboxLifecycle(OutboxForwarder forwarder, ArchiveOutbox outbox, OrphanAdoption adoption) {
        this.forwarder = forwarder;
        this.outbox = outbox;
        this.adoption = adoption;
    }

    void start(@Observes StartupEvent event) {
        adoptOrphans();
        forwarder.start();
    }

    @Scheduled(identity = "outbox-orphans", every = "{marketpipe.archive.outbox.orphan-check-interval}",
            delayed = "{marketpipe.archive.outbox.orphan-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void adoptOrphans() {
        try {
            adoption.run();
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "outbox: adopting the entries of replicas that are gone failed; trying again later");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        forwarder.stop(STOP_GRACE);
        try {
            outbox.close();
        } catch (IOException e) {
            LOG.warnf("outbox: releasing %s failed: %s (the lock goes with the process anyway)", outbox.folder(),
                    e.toString());
        }
    }
}
