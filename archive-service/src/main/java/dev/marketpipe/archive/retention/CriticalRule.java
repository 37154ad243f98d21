package dev.marketpipe.archive.retention;

import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.DataType;

import java.util.Optional;

/**
 * One entry of {@code marketpipe.archive.retention.critical} (critical data is kept permanently): a data type, and
 * optionally the bar interval, whose archive files are never deleted — {@code market_data:1d} keeps the daily bars.
 * The data type is read from the file name (an archive file's name starts with it), the interval from the envelope's
 * {@code metadata.interval}, because file names do not carry it.
 */
record CriticalRule(DataType dataType, Optional<BarInterval> interval) {

    /** Reads {@code data_type} or {@code data_type:interval}; unknown names stop the service at start-up. */
    static CriticalRule parse(String text) {
        String entry = text.trim();
        int colon = entry.indexOf(':');
        try {
            if (colon < 0) {
                return new CriticalRule(DataType.fromCode(entry), Optional.empty());
            }
            return new CriticalRule(DataType.fromCode(entry.substring(0, colon)),
                    Optional.of(BarInterval.fromCode(entry.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("marketpipe.archive.retention.critical: '" + text
                    + "' is not data_type or data_type:interval (" + e.getMessage() + ")", e);
        }
    }

    /** True when a file of this name holds this rule's data type ({@code market_data_005930_…}). */
    boolean matchesName(String fileName) {
        return fileName.startsWith(dataType.code() + "_");
    }

    /** True when {@code interval} (the envelope's, empty when it has none) satisfies this rule. */
    boolean matchesInterval(Optional<String> interval) {
        return this.interval.isEmpty() || this.interval.map(BarInterval::code).equals(interval);
    }
}
