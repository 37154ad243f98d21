package dev.marketpipe.archive.intake;

import dev.marketpipe.archive.config.ArchiveConfig;
import dev.marketpipe.archive.envelope.BarCsvFormat;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.ConfiguredArchiveStore;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The CSV alternative, per data type ({@code marketpipe.archive.csv-data-types}, none by default): for the
 * listed types the archive writes the batch's bars as CSV ({@link BarCsvFormat}) next to the envelope, under the
 * envelope's name with {@code .csv} ({@code market_data_005930_20250304_090000_2.json} →
 * {@code …_090000_2.csv}).
 *
 * <p>In addition to the JSON envelope, never instead of it: the spec prefers JSON, and only the envelope holds what
 * the archive promises — the raw response byte for byte, its SHA-256, the batch id and the metadata that replay,
 * integrity checks and crash recovery read. A CSV of the normalized bars is a convenience copy for tools that
 * read tables. The CSV is written (create or replace, whole) after the envelope and before the batch is
 * acknowledged, so an acknowledged batch of a listed type has both; a retry after a crash rewrites the same bytes.
 *
 * <p>The spec's CSV columns are those of a bar, so only data types that carry bars ({@code market_data}) can be
 * listed; order books and account data have no CSV layout in the spec and are refused at start-up.
 */
@Singleton
public class CsvCopies {

    /** The data types whose batches carry bars. */
    private static final Set<DataType> WITH_BARS = EnumSet.of(DataType.MARKET_DATA);

    private final ArchiveStore store;
    private final Set<DataType> dataTypes;

    @Inject
    public CsvCopies(ArchiveConfig config, ConfiguredArchiveStore store) {
        this(store.get(), parse(config.csvDataTypes().orElse(List.of())));
    }

    public CsvCopies(ArchiveStore store, Collection<DataType> dataTypes) {
        for (DataType type : dataTypes) {
            if (!WITH_BARS.contains(type)) {
                throw new IllegalArgumentException("marketpipe.archive.csv-data-types: " + type.code()
                        + " has no CSV layout; the CSV layout holds bars, so only market_data can be listed");
            }
        }
        this.store = store;
        this.dataTypes = dataTypes.isEmpty() ? EnumSet.noneOf(DataType.class) : EnumSet.copyOf(dataTypes);
    }

    /** No CSV for any data type. */
    public static CsvCopies none(ArchiveStore store) {
        return new CsvCopies(store, List.of());
    }

    /** Writes the CSV of {@code batch} next to its envelope at {@code envelopeRef}, if its data type is listed. */
    public void write(CollectedBatch batch, String envelopeRef) throws IOException {
        if (dataTypes.contains(batch.dataType())) {
            store.replace(csvRef(envelopeRef), BarCsvFormat.render(batch.bars() == null ? List.of() : batch.bars()));
        }
    }

    /** The ref of the CSV copy that belongs to the envelope at {@code envelopeRef}. */
    public static String csvRef(String envelopeRef) {
        if (!envelopeRef.endsWith(".json")) {
            throw new IllegalArgumentException("not an envelope ref: " + envelopeRef);
        }
        return envelopeRef.substring(0, envelopeRef.length() - ".json".length()) + ".csv";
    }

    static List<DataType> parse(List<String> codes) {
        try {
            return codes.stream().map(String::trim).filter(c -> !c.isEmpty()).map(DataType::fromCode).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("marketpipe.archive.csv-data-types: " + e.getMessage(), e);
        }
    }
}
