package dev.marketpipe.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/**
 * A non-bar record (order book, account, position, order) held back from its table for manual review, with every
 * reason. The record travels as the JSON of its normalized form, so the quarantine table keeps it as received.
 *
 * @param timestamp the record's instant when it has one, else null
 */
@RegisterForReflection
public record QuarantinedRecord(JsonNode record, Instant timestamp, QuarantineStatus status,
        List<QualityIssue> issues) {
}
