package dev.marketpipe.console.client;

import io.quarkus.runtime.annotations.RegisterForReflection;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** One entry of the loader's quarantine ({@code GET /v1/quarantine}, docs/CONTRACTS.md). */
@RegisterForReflection
public record QuarantineEntry(long id, String batchId, String dataType, String symbol, String interval,
        String recordTimestamp, String status, List<Reason> reasons, JsonNode record, String archiveRef,
        String createdAt, String decidedBy, String decidedAt) {

    /** A rule the record broke. */
    public record Reason(String rule, String severity, String timestamp, String message) {
    }

    /** One field of the record: name and value as text. */
    public record Field(String name, String value) {
    }

    /** Still waiting for a person's decision. */
    public boolean open() {
        return "quarantined".equals(status) || "review".equals(status);
    }

    /** The record's fields as {@code name value} pairs, in the order the stage sent them. */
    public List<Field> fields() {
        if (record == null || !record.isObject()) {
            return List.of();
        }
        return record.properties().stream()
                .map(field -> new Field(field.getKey(), field.getValue().isNull() ? "–" : field.getValue().asText()))
                .toList();
    }
}
