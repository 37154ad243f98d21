package dev.marketpipe.console.client;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** A backfill or gap-fill as the collector reports it ({@code GET /v1/backfills/{id}}, docs/CONTRACTS.md). */
@RegisterForReflection
public record CollectorJob(String id, String state, String trigger, List<String> symbols, String interval, String from,
        String to, Long requestsTotal, Long requestsDone, Long records, Long batches, Long errors, String lastError,
        String createdAt, String finishedAt) {
}
