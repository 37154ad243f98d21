package dev.marketpipe.collector.budget;

/**
 * Priority of a piece of collection work (each scheduled job has one). When the shared rate budget is short,
 * {@link #LOW} work is deferred first and {@link #HIGH} work is never starved.
 */
public enum Priority {
    HIGH, MEDIUM, LOW;

    /** Lower-case name used as a metric label. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
