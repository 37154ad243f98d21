package dev.marketpipe.simulator.market;

import java.nio.charset.StandardCharsets;

/**
 * Stateless hashing that makes every simulated number a pure function of its inputs (seed, symbol, interval, bar
 * time, purpose). SplitMix64's finaliser mixes well enough that neighbouring inputs give unrelated outputs, and,
 * unlike a shared {@code java.util.Random}, the answer never depends on what was asked before.
 */
final class SeededHash {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;
    private static final double TWO_POW_MINUS_21 = 0x1.0p-21;

    private SeededHash() {
    }

    /** The SplitMix64 finaliser. */
    static long mix(long z) {
        z += GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long a, long b) {
        return mix(mix(a) ^ b);
    }

    static long hash(long a, long b, long c) {
        return mix(hash(a, b) ^ c);
    }

    static long hash(long a, long b, long c, long d) {
        return mix(hash(a, b, c) ^ d);
    }

    static long hash(long a, long b, long c, long d, long e) {
        return mix(hash(a, b, c, d) ^ e);
    }

    /** A stable 64-bit key for a string (FNV-1a over UTF-8, then mixed); {@code String.hashCode} is only 32 bits. */
    static long key(String text) {
        long h = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    /** Uniform in [0, 1). */
    static double unit(long hash) {
        return (hash >>> 11) * TWO_POW_MINUS_53;
    }

    /** Uniform in [-1, 1). */
    static double signedUnit(long hash) {
        return 2.0 * unit(hash) - 1.0;
    }

    /**
     * Roughly standard normal (mean 0, variance 1) and bounded to ±3: the sum of three 21-bit uniforms from one
     * hash. Bounded noise keeps prices inside the daily limit without rejection loops.
     */
    static double bell(long hash) {
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += ((hash >>> (21 * i)) & 0x1FFFFF) * TWO_POW_MINUS_21;
        }
        return (sum - 1.5) * 2.0;
    }
}
