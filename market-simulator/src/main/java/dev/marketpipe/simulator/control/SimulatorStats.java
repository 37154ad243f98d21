package dev.marketpipe.simulator.control;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/** Answer of {@code GET /simulator/stats}. */
@RegisterForReflection
public record SimulatorStats(long requests, long tokensIssued, Map<String, Long> byStatus) {
}
