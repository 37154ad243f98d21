package dev.marketpipe.validator.rules;

import java.util.List;

/**
 * The stable codes of every quality rule, as they appear in {@code QualityIssue.rule}, in the
 * quarantine table and as the {@code rule} metric label. A closed set on purpose: it bounds the label's values.
 */
public final class RuleCodes {

    /** A required field is null. Critical: quarantined. */
    public static final String MISSING_FIELD = "missing_field";
    /** A price is zero or negative. Critical: quarantined. */
    public static final String PRICE_NOT_POSITIVE = "price_not_positive";
    /** Volume below zero. Critical: quarantined. */
    public static final String VOLUME_NEGATIVE = "volume_negative";
    /** Volume above the configured maximum. Critical: quarantined. */
    public static final String VOLUME_UNREALISTIC = "volume_unrealistic";
    /** Quality action "Volume = 0": low, accepted but flagged. */
    public static final String VOLUME_ZERO = "volume_zero";
    /** The timestamp is not a bar start of a trading session at the batch's interval. Critical: quarantined. */
    public static final String OUTSIDE_SESSION = "outside_session";
    /** A price beyond the daily limit around the previous close. High: quarantined for manual review. */
    public static final String PRICE_OUT_OF_RANGE = "price_out_of_range";
    /** A price off the exchange's tick grid. High: quarantined for manual review. */
    public static final String PRICE_OFF_TICK = "price_off_tick";
    /** The record names another symbol than its batch. Critical: quarantined. */
    public static final String SYMBOL_MISMATCH = "symbol_mismatch";
    /** OHLC consistency: high is not the highest or low not the lowest price. Critical: quarantined. */
    public static final String OHLC_INCONSISTENT = "ohlc_inconsistent";
    /** An earlier record with the same timestamp, superseded by the latest one. High: dropped, logged. */
    public static final String DUPLICATE_TIMESTAMP = "duplicate_timestamp";
    /**
     * Across batches: a stored bar with the same timestamp but other values, superseded by this batch's record
     * (the latest word). High: the record is kept (the loader's upsert replaces the stored bar), logged.
     */
    public static final String STORED_BAR_REPLACED = "stored_bar_replaced";
    /** The batch was not in chronological order. Medium: sorted, logged. */
    public static final String OUT_OF_ORDER = "out_of_order";
    /** A run of bars the calendar expects is missing. Medium: logged, reported for backfill. */
    public static final String GAP = "gap";

    /** Every code, for pre-registering metrics and for tests. */
    public static final List<String> ALL = List.of(MISSING_FIELD, PRICE_NOT_POSITIVE, VOLUME_NEGATIVE,
            VOLUME_UNREALISTIC, VOLUME_ZERO, OUTSIDE_SESSION, PRICE_OUT_OF_RANGE, PRICE_OFF_TICK, SYMBOL_MISMATCH,
            OHLC_INCONSISTENT, DUPLICATE_TIMESTAMP, STORED_BAR_REPLACED, OUT_OF_ORDER, GAP);

    private RuleCodes() {
    }
}
