package dev.marketpipe.collector.provider;

import dev.marketpipe.wire.SourceRole;

/** An answer of the securities API and which configured provider gave it (primary or backup). */
public record Sourced<T>(T value, SourceRole source, String provider) {
}
