package dev.marketpipe.validator.records;

import dev.marketpipe.validator.rules.RuleCodes;

import java.util.List;

/**
 * Rule codes of the order-book, account and tick rules, in the same closed set spirit as {@link RuleCodes} (they are
 * metric labels). Codes shared with bars ({@code missing_field}, {@code price_not_positive},
 * {@code symbol_mismatch}) are reused from there.
 */
public final class RecordRuleCodes {

    /** An order book without bids or without asks. Critical. */
    public static final String BOOK_EMPTY = "book_empty";
    /** Best bid at or above best ask. Critical. */
    public static final String BOOK_CROSSED = "book_crossed";
    /** Bids not strictly descending or asks not strictly ascending. Critical. */
    public static final String BOOK_UNORDERED = "book_unordered";
    /** A level with a quantity of zero or less. Critical. */
    public static final String QUANTITY_NOT_POSITIVE = "quantity_not_positive";
    /** A negative holding, cash balance or filled quantity. Critical. */
    public static final String QUANTITY_NEGATIVE = "quantity_negative";
    /** A total that is not the sum of its parts (account total, position value, order fills). Critical. */
    public static final String TOTALS_MISMATCH = "totals_mismatch";
    /** A trade whose cumulative day volume is below the one of the trade before it. Critical. */
    public static final String VOLUME_DECREASING = "cumulative_volume_decreasing";
    /** A value outside its closed set (order side or status). Critical. */
    public static final String UNKNOWN_VALUE = "unknown_value";

    public static final List<String> ALL = List.of(BOOK_EMPTY, BOOK_CROSSED, BOOK_UNORDERED, QUANTITY_NOT_POSITIVE,
            QUANTITY_NEGATIVE, TOTALS_MISMATCH, UNKNOWN_VALUE, VOLUME_DECREASING, RuleCodes.MISSING_FIELD,
            RuleCodes.PRICE_NOT_POSITIVE, RuleCodes.SYMBOL_MISMATCH, RuleCodes.PRICE_OFF_TICK,
            RuleCodes.PRICE_OUT_OF_RANGE, RuleCodes.OUTSIDE_SESSION);

    private RecordRuleCodes() {
    }
}
