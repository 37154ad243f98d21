package dev.marketpipe.archive.index;

import dev.marketpipe.archive.store.ArchiveKey;
import dev.marketpipe.wire.DataType;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a batch sits in the day index: {@code index/days/YYYY/MM/DD/{dataType}@{symbol}@{batchId}.json}, the day
 * being the folder of its envelope (the KST date of the window start). Data type and symbol are in the
 * name so a day can be filtered by either without opening a file; {@code @} appears in neither, and the symbol is
 * empty for data types without one. Keys sort by date, then file name — the order of {@code GET /v1/batches}.
 */
public record DayKey(LocalDate date, DataType dataType, String symbol, UUID batchId) {

    public static final Comparator<DayKey> ORDER =
            Comparator.comparing(DayKey::date).thenComparing(DayKey::fileName);

    private static final String SEPARATOR = "@";
    private static final String EXTENSION = ".json";
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    /** The key of a marker that carries its description. */
    public static DayKey of(BatchMarker marker) {
        if (marker.description() == null || marker.description().dataType() == null) {
            throw new IllegalArgumentException("marker of " + marker.batchId() + " has no data type");
        }
        return new DayKey(dateOf(marker.directory()), marker.description().dataType(),
                marker.description().symbol(), marker.batchId());
    }

    /** The key a file name in {@code date}'s folder stands for; empty for anything else (temp files, strays). */
    public static Optional<DayKey> parse(LocalDate date, String fileName) {
        if (!fileName.endsWith(EXTENSION) || fileName.startsWith(".")) {
            return Optional.empty();
        }
        String[] parts = fileName.substring(0, fileName.length() - EXTENSION.length()).split(SEPARATOR, -1);
        if (parts.length != 3 || !(parts[1].isEmpty() || ArchiveKey.SYMBOL.matcher(parts[1]).matches())) {
            return Optional.empty();
        }
        try {
            DayKey key = new DayKey(date, DataType.fromCode(parts[0]), parts[1].isEmpty() ? null : parts[1],
                    UUID.fromString(parts[2]));
            return key.fileName().equals(fileName) ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The day of an archive key's folder ({@code raw/2025/03/04} is 2025-03-04). */
    public static LocalDate dateOf(String directory) {
        String prefix = "raw/";
        try {
            if (directory.startsWith(prefix)) {
                return LocalDate.parse(directory.substring(prefix.length()), FOLDER);
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal below
        }
        throw new IllegalArgumentException("archive folder " + directory + " is not raw/YYYY/MM/DD");
    }

    /** A glob matching the file names of one data type and/or one symbol; null means any. */
    public static String glob(DataType dataType, String symbol) {
        if (symbol != null && !ArchiveKey.SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol must match " + ArchiveKey.SYMBOL.pattern());
        }
        return (dataType == null ? "*" : dataType.code()) + SEPARATOR + (symbol == null ? "*" : symbol)
                + SEPARATOR + "*" + EXTENSION;
    }

    /** The day's folder below {@code index/days/}, {@code YYYY/MM/DD}. */
    public static String folder(LocalDate date) {
        return FOLDER.format(date);
    }

    public String fileName() {
        return dataType.code() + SEPARATOR + (symbol == null ? "" : symbol) + SEPARATOR + batchId + EXTENSION;
    }
}
