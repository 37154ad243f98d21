package dev.marketpipe.simulator.market;

/**
 * How a served bar was deliberately spoiled by the invalid-bar switch, so the validator's rules (spec §5.1–§5.3)
 * have something to catch. {@link #NONE} means the served bar is the true bar.
 */
public enum Corruption {
    /** Served as generated. */
    NONE,
    /** High and low swapped so that high &lt; low (spec §5.3 OHLC consistency). */
    HIGH_BELOW_LOW,
    /** Volume negated (spec §5.2 volume range). */
    NEGATIVE_VOLUME,
    /** {@code close} left out of the record (spec §5.1 required fields). */
    MISSING_FIELD,
    /** Timestamp moved before the session open of the same trading date (spec §5.2 timestamp range). */
    OUT_OF_SESSION
}
