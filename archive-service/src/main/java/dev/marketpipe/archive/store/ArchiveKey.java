package dev.marketpipe.archive.store;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.wire.CollectedBatch;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a batch's envelope goes: folder {@code raw/YYYY/MM/DD} and
 * base name {@code {data_type}_{symbol}_{YYYYMMDD}_{HHMMSS}}, both from the window start in the exchange's zone
 * (KRX, Asia/Seoul), so one trading day is one folder. The n-th envelope published under one base name is
 * {@code base.json}, then {@code base_2.json}, {@code base_3.json}…
 *
 * @param directory folder relative to the archive root, with {@code /} separators
 * @param baseName  file name without suffix and extension
 */
public record ArchiveKey(String directory, String baseName) {

    /** What a symbol may look like; it becomes part of a file name, so nothing else is allowed. */
    public static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._-]{1,20}");

    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    public ArchiveKey {
        if (!directory.matches("[A-Za-z0-9_/]+") || !baseName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("unsafe archive key " + directory + "/" + baseName);
        }
    }

    /** The key of a batch; data types without a symbol (account info) leave it out of the name. */
    public static ArchiveKey of(CollectedBatch batch) {
        return of(batch.dataType().code(), batch.symbol(), batch.windowStart());
    }

    public static ArchiveKey of(String dataType, String symbol, Instant windowStart) {
        if (symbol != null && !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol must match " + SYMBOL.pattern());
        }
        ZonedDateTime local = windowStart.atZone(MarketCalendar.KRX_ZONE);
        String base = symbol == null
                ? dataType + "_" + STAMP.format(local)
                : dataType + "_" + symbol + "_" + STAMP.format(local);
        return new ArchiveKey("raw/" + FOLDER.format(local), base);
    }

    /** File name of the n-th envelope under this key (n ≥ 1). */
    public String fileName(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1");
        }
        return n == 1 ? baseName + ".json" : baseName + "_" + n + ".json";
    }

    /** Path relative to the archive root of the n-th envelope under this key. */
    public String ref(int n) {
        return directory + "/" + fileName(n);
    }

    /** The n of {@code fileName} when it is one of this key's names. */
    public OptionalInt suffixOf(String fileName) {
        if (fileName.equals(baseName + ".json")) {
            return OptionalInt.of(1);
        }
        String prefix = baseName + "_";
        if (fileName.startsWith(prefix) && fileName.endsWith(".json")) {
            Matcher m = Pattern.compile("([2-9]|[1-9][0-9]+)")
                    .matcher(fileName.substring(prefix.length(), fileName.length() - ".json".length()));
            if (m.matches()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        return OptionalInt.empty();
    }
}
