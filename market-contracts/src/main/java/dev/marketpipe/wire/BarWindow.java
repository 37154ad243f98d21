package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/** The stored bars of one symbol and interval with a timestamp in {@code [from, to)}. */
@RegisterForReflection
public record BarWindow(String symbol, BarInterval interval, Instant from, Instant to) {
}
