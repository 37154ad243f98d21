package dev.marketpipe.loader.database;

/**
 * The kinds of database failure the loader tells apart, each with what it does about it. The {@link #label()}
 * is the {@code kind} label of {@code marketpipe_loader_database_faults_total}: a fixed, small set.
 */
public enum DatabaseFault {

    /** "Connection lost": 503 while the pool reconnects by itself; the archive's outbox delivers again. */
    CONNECTION_LOST("connection_lost"),
    /**
     * "Duplicate key → upsert": the upserts never raise one, so a unique violation that still escapes is a race
     * between two writers (e.g. two replicas claiming one batch id): the load is tried again, then answered 409.
     */
    DUPLICATE_KEY("duplicate_key"),
    /** A deadlock or serialization failure between two concurrent loads: tried again, then answered 503. */
    CONCURRENT_UPDATE("concurrent_update"),
    /** "Disk full" (SQL state 53100): readiness DOWN, one ERROR line, 503 until a write succeeds again. */
    DISK_FULL("disk_full"),
    /** The rest of class 53 (out of memory, configuration limit): handled as disk full. */
    INSUFFICIENT_RESOURCES("insufficient_resources");

    private final String label;

    DatabaseFault(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the database cannot store anything until an operator acts (readiness goes DOWN). */
    public boolean blocksWrites() {
        return this == DISK_FULL || this == INSUFFICIENT_RESOURCES;
    }

    /** Whether the same request may simply be run again at once. */
    public boolean retryable() {
        return this == DUPLICATE_KEY || this == CONCURRENT_UPDATE;
    }
}
