package dev.marketpipe.collector.reconciliation;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Result of one reconciliation run ({@code GET /v1/reconciliation}).
 *
 * @param compared daily bars present at both sources and compared field by field
 * @param errors   symbols that could not be compared, with the reason (a source failed)
 */
@RegisterForReflection
public record ReconciliationReport(Instant startedAt, Instant finishedAt, LocalDate from, LocalDate to,
        List<String> symbols, int compared, List<Discrepancy> discrepancies, List<String> errors) {
}
