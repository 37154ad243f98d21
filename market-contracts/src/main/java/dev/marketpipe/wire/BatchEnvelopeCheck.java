package dev.marketpipe.wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The envelope every batch carries, checked the same way wherever a batch is received (the archive, the validator,
 * the loader): a batch id and a data type always; a symbol when the kind is per symbol; an interval for bars; a
 * window that does not end before it starts; lists without null elements. A batch whose data type is missing is
 * taken as bars (the kind most batches are), so what bars need is named too. Answers the problems by name; each
 * caller turns them into its own answer (a 400 detail, a constraint violation on the field).
 */
public final class BatchEnvelopeCheck {

    /** What is wrong with one field. */
    public enum Kind {
        /** absent (a blank symbol counts as absent) */
        MISSING,
        /** {@code windowEnd} before {@code windowStart} */
        ENDS_BEFORE_START,
        /** an element of a list is null; the field names it, e.g. {@code bars[5]} */
        NULL_ELEMENT
    }

    /** One problem of the envelope, on the field it names. */
    public record Problem(String field, Kind kind) {
    }

    private BatchEnvelopeCheck() {
    }

    /** Problems of a collected batch's envelope, missing fields first in the order batchId, dataType, symbol, interval. */
    public static List<Problem> of(CollectedBatch batch) {
        return of(batch.batchId(), batch.dataType(), batch.symbol(), batch.interval(), batch.windowStart(),
                batch.windowEnd());
    }

    /** Problems of a verdict's envelope (a verdict has no window). */
    public static List<Problem> of(ValidatedBatch batch) {
        return of(batch.batchId(), batch.dataType(), batch.symbol(), batch.interval(), null, null);
    }

    /** Problems of an envelope; {@code windowStart} and {@code windowEnd} are checked only when both are present. */
    public static List<Problem> of(UUID batchId, DataType dataType, String symbol, BarInterval interval,
            Instant windowStart, Instant windowEnd) {
        List<Problem> problems = new ArrayList<>();
        if (batchId == null) {
            problems.add(new Problem("batchId", Kind.MISSING));
        }
        if (dataType == null) {
            problems.add(new Problem("dataType", Kind.MISSING));
        }
        boolean bars = isBars(dataType);
        if ((bars || dataType.isPerSymbol()) && (symbol == null || symbol.isBlank())) {
            problems.add(new Problem("symbol", Kind.MISSING));
        }
        if (bars && interval == null) {
            problems.add(new Problem("interval", Kind.MISSING));
        }
        if (windowStart != null && windowEnd != null && windowEnd.isBefore(windowStart)) {
            problems.add(new Problem("windowEnd", Kind.ENDS_BEFORE_START));
        }
        return problems;
    }

    /** Whether a batch of {@code dataType} carries bars; a batch without a data type is taken as bars. */
    public static boolean isBars(DataType dataType) {
        return dataType == null || dataType == DataType.MARKET_DATA;
    }

    /** The first null element of the list {@code field}, named {@code field[index]}. */
    public static Optional<Problem> nullElement(String field, List<?> elements) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) == null) {
                return Optional.of(new Problem(field + "[" + i + "]", Kind.NULL_ELEMENT));
            }
        }
        return Optional.empty();
    }

    /** The fields of the {@link Kind#MISSING} problems, in order. */
    public static List<String> missing(List<Problem> problems) {
        return problems.stream().filter(p -> p.kind() == Kind.MISSING).map(Problem::field).toList();
    }

    /** Whether {@code problems} hold one of {@code kind}. */
    public static boolean has(List<Problem> problems, Kind kind) {
        return problems.stream().anyMatch(p -> p.kind() == kind);
    }
}
