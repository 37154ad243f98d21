package dev.marketpipe.simulator.market;

/**
 * How a served bar was deliberately spoiled by the invalid-bar switch, so the validator's rules (required fields, ranges, OHLC consistency)
 * have something to catch. {@link #NONE} means the served bar is the true bar.
 */
public enum Corruption {
    /** Served as generated. */
    NONE,
    /** High and low swapped so that high &lt; low (OHLC consistency). */
    HIGH_BELOW_LOW,
    /** Volume negated (volume range). */
    NEGATIVE_VOLUME,
    /** {@code close} left out of the record (required fields). */
    MISSING_FIELD,
    /** Timestamp moved before the session open of the same trading date (timestamp range). */
    OUT_OF_SESSION
}
