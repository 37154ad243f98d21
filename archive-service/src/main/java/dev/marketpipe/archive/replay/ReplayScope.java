package dev.marketpipe.archive.replay;

import dev.marketpipe.wire.DataType;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What one replay covers, checked: the archive folders of {@code from}..{@code to}, the data types and symbols.
 * Only data types whose records the archive can read back from the raw response are replayable (see
 * {@code dev.marketpipe.provider.ResponseFormat}); account data is not (its raw response holds the clear account number, and its tables are
 * not market tables).
 *
 * @param symbols empty: every symbol
 */
public record ReplayScope(LocalDate from, LocalDate to, Set<DataType> dataTypes, Set<String> symbols) {

    /** The data types a replay can re-send. */
    public static final Set<DataType> REPLAYABLE = EnumSet.of(DataType.MARKET_DATA, DataType.ORDERBOOK, DataType.TICKS);

    /** The request as a scope; {@link IllegalArgumentException} with a message for the client when it is not valid. */
    public static ReplayScope of(ReplayRequest request, int maxRangeDays) {
        if (request.to().isBefore(request.from())) {
            throw new IllegalArgumentException("to (" + request.to() + ") must not be before from (" + request.from() + ")");
        }
        long days = ChronoUnit.DAYS.between(request.from(), request.to()) + 1;
        if (days > maxRangeDays) {
            throw new IllegalArgumentException("from..to covers " + days + " days; a replay covers at most "
                    + maxRangeDays + " (marketpipe.archive.replay.max-range-days): split it");
        }
        Set<DataType> types = request.dataTypes() == null || request.dataTypes().isEmpty()
                ? EnumSet.copyOf(REPLAYABLE) : EnumSet.copyOf(request.dataTypes());
        for (DataType type : types) {
            if (!REPLAYABLE.contains(type)) {
                throw new IllegalArgumentException("data type " + type.code() + " cannot be replayed; replayable: "
                        + REPLAYABLE.stream().map(DataType::code).toList());
            }
        }
        Set<String> symbols = request.symbols() == null ? Set.of() : new TreeSet<>(request.symbols());
        return new ReplayScope(request.from(), request.to(), types, symbols);
    }

    /** True when an archived object of this name belongs to the replay. */
    public boolean covers(ArchivedName name) {
        return dataTypes.contains(name.dataType()) && (symbols.isEmpty() || symbols.contains(name.symbol()));
    }

    /** The archive's day folders, oldest first. */
    public List<LocalDate> days() {
        return Stream.iterate(from, day -> !day.isAfter(to), day -> day.plusDays(1)).toList();
    }
}
