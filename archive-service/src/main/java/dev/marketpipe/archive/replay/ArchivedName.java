package dev.marketpipe.archive.replay;

import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.wire.DataType;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an envelope's name says (the file naming of {@code ArchiveKey}): data type and symbol, read without opening
 * the file, so a replay filters a day's folder cheaply. A gzipped envelope ({@code ….json.gz}, left by retention)
 * stands for the ref without {@code .gz}, which {@link ArchiveStore#readEnvelope} resolves.
 *
 * @param ref    the envelope's original ref ({@code raw/2025/03/04/market_data_005930_20250304_090000.json})
 * @param symbol null for data types without one (account data)
 */
public record ArchivedName(String ref, DataType dataType, String symbol) {

    private static final Pattern NAME = Pattern.compile("("
            + Arrays.stream(DataType.values()).map(DataType::code).collect(Collectors.joining("|"))
            + ")_(?:(.+)_)?\\d{8}_\\d{6}(?:_\\d+)?\\.json");

    /** The name of an archived object; empty for anything else (temp files, CSV, strays). */
    public static Optional<ArchivedName> parse(String ref) {
        String original = ref.endsWith(ArchiveStore.GZIP_SUFFIX)
                ? ref.substring(0, ref.length() - ArchiveStore.GZIP_SUFFIX.length()) : ref;
        Matcher name = NAME.matcher(original.substring(original.lastIndexOf('/') + 1));
        if (!name.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ArchivedName(original, DataType.fromCode(name.group(1)), name.group(2)));
    }
}
