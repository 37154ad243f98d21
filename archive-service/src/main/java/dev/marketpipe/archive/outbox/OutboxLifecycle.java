package dev.marketpipe.archive.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Runs the outbox forwarder for the life of the service: entries a previous run left are forwarded at start. */
@Singleton
public class OutboxLifecycle {

    /** How long shutdown waits for a delivery in flight; an unfinished one is simply redelivered next time. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final OutboxForwarder forwarder;

    @Inject
    public OutboxLifecycle(OutboxForwarder forwarder) {
        this.forwarder = forwarder;
    }

    void start(@Observes StartupEvent event) {
        forwarder.start();
    }

    void stop(@Observes ShutdownEvent event) {
        forwarder.stop(STOP_GRACE);
    }
}
