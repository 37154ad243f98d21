package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** A bar held back from the market tables, with every reason (quarantine for manual review). */
@RegisterForReflection
public record QuarantinedBar(Bar bar, QuarantineStatus status, List<QualityIssue> issues) {
}
