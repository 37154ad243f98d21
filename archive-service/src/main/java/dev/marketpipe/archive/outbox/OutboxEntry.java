package dev.marketpipe.archive.outbox;

import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * One batch waiting in the outbox, identified by its file name
 * {@code {epochMillis}-{seq}-{batchId}[-{symbol}].json}: the sequence number orders entries (per symbol the
 * forwarder keeps this order), the time gives the backlog's age, the symbol picks the lane without opening the
 * file.
 *
 * @param laneKey the batch's symbol, or {@code ""} for data types without one
 */
public record OutboxEntry(String fileName, long createdMillis, long seq, UUID batchId, String laneKey) {

    /** Sequence order; the file name only breaks ties between entries of different processes. */
    public static final Comparator<OutboxEntry> ORDER =
            Comparator.comparingLong(OutboxEntry::seq).thenComparing(OutboxEntry::fileName);

    private static final int UUID_LENGTH = 36;
    private static final String EXTENSION = ".json";

    public static OutboxEntry create(long createdMillis, long seq, UUID batchId, String symbol) {
        String laneKey = symbol == null ? "" : symbol;
        String name = createdMillis + "-" + seq + "-" + batchId + (laneKey.isEmpty() ? "" : "-" + laneKey) + EXTENSION;
        return new OutboxEntry(name, createdMillis, seq, batchId, laneKey);
    }

    /** The entry a file name stands for; empty for anything else in the folder (temp files, strays). */
    public static Optional<OutboxEntry> parse(String fileName) {
        if (!fileName.endsWith(EXTENSION) || fileName.startsWith(".")) {
            return Optional.empty();
        }
        String[] parts = fileName.substring(0, fileName.length() - EXTENSION.length()).split("-", 3);
        if (parts.length < 3 || parts[2].length() < UUID_LENGTH) {
            return Optional.empty();
        }
        try {
            long millis = Long.parseLong(parts[0]);
            long seq = Long.parseLong(parts[1]);
            UUID batchId = UUID.fromString(parts[2].substring(0, UUID_LENGTH));
            String rest = parts[2].substring(UUID_LENGTH);
            if (!rest.isEmpty() && (rest.charAt(0) != '-' || rest.length() == 1)) {
                return Optional.empty();
            }
            String laneKey = rest.isEmpty() ? "" : rest.substring(1);
            return Optional.of(new OutboxEntry(fileName, millis, seq, batchId, laneKey));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            return Optional.empty();
        }
    }
}
