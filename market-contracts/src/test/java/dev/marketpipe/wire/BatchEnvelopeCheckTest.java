package dev.marketpipe.wire;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.marketpipe.wire.BatchEnvelopeCheck.Kind.ENDS_BEFORE_START;
import static dev.marketpipe.wire.BatchEnvelopeCheck.Kind.MISSING;
import static dev.marketpipe.wire.BatchEnvelopeCheck.Kind.NULL_ELEMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BatchEnvelopeCheckTest {

    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final Instant START = Instant.parse("2025-03-10T00:00:00Z");

    private static List<BatchEnvelopeCheck.Problem> check(UUID id, DataType type, String symbol, BarInterval interval,
            Instant start, Instant end) {
        return BatchEnvelopeCheck.of(id, type, symbol, interval, start, end);
    }

    @Test
    void aCompleteBarEnvelopeHasNoProblem() {
        assertEquals(List.of(), check(ID, DataType.MARKET_DATA, "005930", BarInterval.ONE_MINUTE, START,
                START.plusSeconds(60)));
    }

    @Test
    void anEmptyEnvelopeIsTakenAsBarsAndNamesEveryMissingFieldInOrder() {
        assertEquals(List.of("batchId", "dataType", "symbol", "interval"),
                BatchEnvelopeCheck.missing(check(null, null, null, null, null, null)));
    }

    @Test
    void aBlankSymbolIsMissing() {
        assertEquals(List.of(new BatchEnvelopeCheck.Problem("symbol", MISSING)),
                check(ID, DataType.TICKS, " ", null, null, null));
    }

    @Test
    void accountDataNeedsNeitherSymbolNorInterval() {
        assertEquals(List.of(), check(ID, DataType.ACCOUNT_INFO, null, null, null, null));
    }

    @Test
    void anOrderBookNeedsASymbolButNoInterval() {
        assertEquals(List.of("symbol"), BatchEnvelopeCheck.missing(check(ID, DataType.ORDERBOOK, null, null, null,
                null)));
    }

    @Test
    void aWindowEndingBeforeItStartsIsNamedOnWindowEnd() {
        assertEquals(List.of(new BatchEnvelopeCheck.Problem("windowEnd", ENDS_BEFORE_START)),
                check(ID, DataType.MARKET_DATA, "005930", BarInterval.ONE_DAY, START, START.minusSeconds(1)));
        assertEquals(List.of(), check(ID, DataType.MARKET_DATA, "005930", BarInterval.ONE_DAY, START, null));
    }

    @Test
    void theFirstNullElementIsNamedWithItsIndex() {
        assertEquals(Optional.of(new BatchEnvelopeCheck.Problem("bars[1]", NULL_ELEMENT)),
                BatchEnvelopeCheck.nullElement("bars", Arrays.asList("a", null, null)));
        assertEquals(Optional.empty(), BatchEnvelopeCheck.nullElement("bars", List.of("a")));
    }
}
