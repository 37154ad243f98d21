package dev.marketpipe.validator.rules;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;

import java.util.List;

/**
 * One family of record-level quality rules (required fields, ranges, OHLC consistency). Implementations are pure
 * functions: same bar and context, same findings; no I/O, no logging. A rule ignores fields that are null: the missing
 * field is the schema rule's finding, not a reason for every other rule to complain too.
 */
public interface BarRule {

    /** Every finding of this rule family for {@code bar}; empty when the bar passes. */
    List<QualityIssue> check(Bar bar, BarContext context);
}
