package dev.marketpipe.logging;

import org.jboss.logging.MDC;

import java.util.UUID;

/**
 * Puts a batch id on every log line written while one batch is handled (so one batch can be followed from the
 * API call to the database row across the four services' logs). The id goes to the MDC under {@link #KEY}; the JSON
 * log format of the prod profile writes it as {@code mdc.batchId}, the dev/test text format as {@code %X{batchId}}.
 *
 * <p>Opened where handling starts and closed in a {@code finally} (try-with-resources) on the same thread, so a
 * pooled or virtual thread never carries the id into its next task; closing restores an id that was there before,
 * so a nested scope (a batch handled inside another's) leaves the outer one intact.
 */
public final class BatchLogContext implements AutoCloseable {

    /** The MDC key, the same in every service so that one query finds a batch everywhere. */
    public static final String KEY = "batchId";

    private final Object previous;

    private BatchLogContext(Object previous) {
        this.previous = previous;
    }

    /** Puts {@code batchId} on the lines logged by this thread until {@link #close()}; {@code null} puts nothing. */
    public static BatchLogContext open(UUID batchId) {
        Object previous = MDC.get(KEY);
        if (batchId != null) {
            MDC.put(KEY, batchId.toString());
        }
        return new BatchLogContext(previous);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
