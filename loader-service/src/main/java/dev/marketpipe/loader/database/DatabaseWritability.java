package dev.marketpipe.loader.database;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Disk full, alerted immediately: remembers that PostgreSQL refused a write for lack of resources, so that
 * readiness is DOWN ({@code database-writable}) until a write succeeds again, logs one ERROR line when that starts
 * (and one INFO when it ends), and counts every database fault by kind in
 * {@code marketpipe_loader_database_faults_total{kind}}.
 */
@ApplicationScoped
public class DatabaseWritability {

    private static final Logger LOG = Logger.getLogger(DatabaseWritability.class);

    /** Why and since when the database cannot write. */
    public record Unwritable(DatabaseFault fault, Instant since, String detail) {
    }

    private final AtomicReference<Unwritable> unwritable = new AtomicReference<>();
    private final Map<DatabaseFault, Counter> faults = new EnumMap<>(DatabaseFault.class);

    public DatabaseWritability(MeterRegistry registry) {
        for (DatabaseFault fault : DatabaseFault.values()) {
            faults.put(fault, Counter.builder("marketpipe.loader.database.faults")
                    .description("Database faults met while answering requests, by kind")
                    .tag("kind", fault.label()).register(registry));
        }
    }

    /** Counts a fault; one that blocks writes turns readiness DOWN (the ERROR line only on the first). */
    public void record(DatabaseFault fault, Throwable failure) {
        faults.get(fault).increment();
        if (!fault.blocksWrites()) {
            return;
        }
        String detail = rootMessage(failure);
        Unwritable now = new Unwritable(fault, Instant.now(), detail);
        if (unwritable.compareAndSet(null, now)) {
            LOG.errorf("the database cannot write (%s): %s; readiness is DOWN until a write succeeds again",
                    fault.label(), detail);
        }
    }

    /** A write committed (a request or the write probe): the database can write again. */
    public void writeSucceeded(String by) {
        Unwritable was = unwritable.getAndSet(null);
        if (was != null) {
            LOG.infof("the database can write again (%s succeeded); it could not since %s (%s)", by, was.since(),
                    was.fault().label());
        }
    }

    public Optional<Unwritable> unwritable() {
        return Optional.ofNullable(unwritable.get());
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
