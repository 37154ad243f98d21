package dev.marketpipe.collector.spool;

import dev.marketpipe.wire.CollectedBatch;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One batch waiting in the spool, as the spool remembers it without reading the file. The file name carries all
 * of it but the time: {@code {seq}-{batchId}-{orderKey}.json}, the sequence zero-padded so that names sort in
 * arrival order, and the order key so that a restarted collector knows which symbols are held without reading
 * every file.
 *
 * @param seq       arrival number; larger is younger, also across restarts
 * @param orderKey  what the per-symbol order is kept for: the symbol, or the data type of batches without one
 * @param spooledAt when the file was written (its modification time after a restart)
 */
public record SpooledBatch(long seq, UUID batchId, String orderKey, Instant spooledAt) {

    private static final Pattern NAME = Pattern.compile(
            "(\\d{16})-([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})-([A-Za-z0-9._]+)\\.json");

    /** The key a batch's order is kept under: its symbol, or (account data) its data type; safe in a file name. */
    public static String orderKey(CollectedBatch batch) {
        String key = batch.symbol() != null && !batch.symbol().isBlank() ? batch.symbol() : batch.dataType().code();
        return key.replaceAll("[^A-Za-z0-9._]", "_");
    }

    public String fileName() {
        return String.format("%016d-%s-%s.json", seq, batchId, orderKey);
    }

    /** The entry a spool file name stands for; empty for any other name (temp files, strangers). */
    static Optional<SpooledBatch> parse(String fileName, Instant spooledAt) {
        Matcher name = NAME.matcher(fileName);
        if (!name.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SpooledBatch(Long.parseLong(name.group(1)), UUID.fromString(name.group(2)),
                name.group(3), spooledAt));
    }
}
