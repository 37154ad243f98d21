package dev.marketpipe.collector.spool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.SourceRole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Batches, settings and folder listings for the spool's tests. */
public final class SpoolFixtures {

    private static final Instant SESSION_OPEN = Instant.parse("2025-03-04T00:00:00Z");

    private SpoolFixtures() {
    }

    /** A mapper set up like the application's (ISO instants, unknown fields ignored). */
    public static ObjectMapper json() {
        return new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** One 1-minute bar of {@code symbol}, {@code minute} minutes after the 2025-03-04 open. */
    public static CollectedBatch bars(String symbol, int minute) {
        Instant start = SESSION_OPEN.plus(Duration.ofMinutes(minute));
        Bar bar = new Bar(start, symbol, new BigDecimal("75000"), new BigDecimal("75500"), new BigDecimal("74800"),
                new BigDecimal("75200.50"), 1500L, new BigDecimal("112800000"));
        JsonNode raw = json().createObjectNode().put("status", "success").put("close", 75200.50)
                .put("minute", minute);
        return new CollectedBatch(UUID.randomUUID(), DataType.MARKET_DATA, symbol, BarInterval.ONE_MINUTE,
                SourceRole.PRIMARY, "simulator", start, start.plus(Duration.ofMinutes(1)), 1, start.plusSeconds(65),
                12, 1, "v1.0", "test", raw, List.of(bar), null);
    }

    /** An account batch: no symbol, so its order is kept per data type. */
    public static CollectedBatch accountInfo() {
        return new CollectedBatch(UUID.randomUUID(), DataType.ACCOUNT_INFO, null, null, SourceRole.PRIMARY,
                "simulator", SESSION_OPEN, SESSION_OPEN, 1, SESSION_OPEN, 12, 1, "v1.0", "test",
                json().createObjectNode().put("status", "success"), List.of(), null);
    }

    public static SpoolConfig config(Path dir, Duration drainInterval, Duration drainMaxDelay, long minFreeMib) {
        return new SpoolConfig() {
            @Override
            public String dir() {
                return dir.toString();
            }

            @Override
            public Duration drainInterval() {
                return drainInterval;
            }

            @Override
            public Duration drainMaxDelay() {
                return drainMaxDelay;
            }

            @Override
            public long minFreeMib() {
                return minFreeMib;
            }
        };
    }

    /** The names of the regular files directly in {@code dir} (not in {@code dead/}), sorted. */
    public static List<String> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free-space floor above what the disk of {@code dir} has: the spool must refuse everything. */
    public static long moreMibThanFree(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace() / (1024 * 1024) + 1024;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
