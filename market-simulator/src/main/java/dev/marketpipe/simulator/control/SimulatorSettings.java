package dev.marketpipe.simulator.control;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** Answer of {@code GET /simulator/config}: what the simulation currently serves. */
@RegisterForReflection
public record SimulatorSettings(long seed, double invalidFraction, List<String> symbols) {
}
