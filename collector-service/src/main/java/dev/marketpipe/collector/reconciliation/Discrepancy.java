package dev.marketpipe.collector.reconciliation;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;

/**
 * One value on which the primary and the backup disagree. {@code field} is {@code open}, {@code high}, {@code low},
 * {@code close}, {@code volume}, {@code value}, or {@code bar} when only one source has the day's bar (the other
 * side is then {@code null}).
 */
@RegisterForReflection
public record Discrepancy(String symbol, LocalDate date, String field, String primary, String backup) {
}
