package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * One finding of a data quality rule.
 *
 * @param rule      stable rule code, e.g. {@code missing_field}, {@code ohlc_inconsistent}, {@code volume_zero}
 * @param timestamp the record's timestamp when the finding is about one record or one gap start, else null
 */
@RegisterForReflection
public record QualityIssue(String rule, Severity severity, Instant timestamp, String message) {
}
