package dev.marketpipe.console.client;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** A replay as the archive reports it ({@code GET /v1/replays/{id}}, docs/CONTRACTS.md). */
@RegisterForReflection
public record Replay(String id, String state, String from, String to, List<String> dataTypes, List<String> symbols,
        Long batchesTotal, Long batchesSent, Long batchesFailed, Long bars, Long records, String lastError,
        String startedAt, String finishedAt) {
}
