package dev.marketpipe.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.envelope.Sha256;
import dev.marketpipe.archive.store.ArchiveKey;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.wire.CollectedBatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/** Builds archive days of real envelopes for retention and backup tests, and snapshots folders byte for byte. */
public final class TestArchiveTree {

    private static final EnvelopeFormat FORMAT = new EnvelopeFormat(TestBatches.mapper());

    private TestArchiveTree() {
    }

    /**
     * A real envelope of a bar batch with the given interval ({@code 1m}, {@code 1d}) and symbol; the same arguments
     * give the same bytes, so trees built twice can be compared.
     */
    public static byte[] envelope(String symbol, String interval, LocalDate day) {
        UUID id = UUID.nameUUIDFromBytes((symbol + "/" + interval + "/" + day).getBytes(StandardCharsets.UTF_8));
        String body = TestBatches.body(id, "market_data", symbol, windowStart(day, 0), TestBatches.RAW)
                .replace("\"interval\":\"1m\"", "\"interval\":\"" + interval + "\"");
        try {
            return FORMAT.render(TestBatches.mapper().readValue(body, CollectedBatch.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores an envelope for {@code dataType}/{@code symbol} (null for account data) on {@code day} at 09:00 plus
     * {@code minute} minutes KST; returns its ref.
     */
    public static String put(ArchiveStore store, String dataType, String symbol, String interval, LocalDate day,
                             int minute) throws IOException {
        ArchiveKey key = ArchiveKey.of(dataType, symbol,
                day.atTime(LocalTime.of(9, 0)).plusMinutes(minute).atZone(MarketCalendar.KRX_ZONE).toInstant());
        return store.put(key, envelope(symbol == null ? "ACCT" : symbol, interval, day)).archiveRef();
    }

    /** Every file below {@code dir} (relative path → SHA-256), temp files included: what "nothing changed" means. */
    public static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Sha256.hex(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    private static String windowStart(LocalDate day, int minute) {
        return day.atTime(LocalTime.of(9, minute)).atZone(MarketCalendar.KRX_ZONE).toInstant().toString();
    }
}
