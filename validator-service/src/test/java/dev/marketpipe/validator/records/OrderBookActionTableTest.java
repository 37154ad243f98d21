package dev.marketpipe.validator.records;

import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.BookLevel;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.OrderBookSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The action table for order-book snapshots at the boundaries, through {@link RecordBatchValidator}: a book is
 * accepted or quarantined (critical, never {@code review}) with its reasons. Levels are written {@code price:qty},
 * best first; {@code ''} is an empty side, {@code -} an absent one.
 */
class OrderBookActionTableTest {

    private static List<BookLevel> levels(String side) {
        if (side == null) {
            return null;
        }
        return side.isBlank() ? List.of() : Arrays.stream(side.trim().split(" +")).map(level -> {
            String[] parts = level.split(":");
            return new BookLevel(new BigDecimal(parts[0]), Long.valueOf(parts[1]));
        }).toList();
    }

    @ParameterizedTest(name = "{0} -> {4}")
    @CsvSource(nullValues = "-", emptyValue = "", textBlock = """
            well-formed book,                    005930, 75000:10 74900:5, 75100:3 75200:8, accepted
            best bid one tick below best ask,    005930, 75000:1,          75100:1,         accepted
            best bid equal to best ask,          005930, 75100:1,          75100:1,         book_crossed
            best bid above best ask,             005930, 75200:1,          75100:1,         book_crossed
            bids equal (not strictly ordered),   005930, 75000:1 75000:2,  75100:1,         book_unordered
            bids ascending,                      005930, 74900:1 75000:2,  75100:1,         book_unordered
            asks equal (not strictly ordered),   005930, 75000:1,          75100:1 75100:2, book_unordered
            asks descending,                     005930, 75000:1,          75200:1 75100:2, book_unordered
            quantity 1,                          005930, 75000:1,          75100:1,         accepted
            quantity 0,                          005930, 75000:0,          75100:1,         quantity_not_positive
            negative quantity,                   005930, 75000:1,          75100:-1,        quantity_not_positive
            price 0,                             005930, 0:1,              75100:1,         price_not_positive
            no bids,                             005930, '',               75100:1,         book_empty
            no asks,                             005930, 75000:1,          '',              book_empty
            empty book,                          005930, '',               '',              book_empty
            bids absent,                         005930, -,                75100:1,         missing_field
            symbol absent,                       -,      75000:1,          75100:1,         missing_field
            another symbol than the batch,       000660, 75000:1,          75100:1,         symbol_mismatch
            crossed and unordered,               005930, 75200:1 75300:1,  75100:1,         book_unordered book_crossed
            """)
    void orderBookRows(String row, String symbol, String bids, String asks, String expected) {
        OrderBookSnapshot book = new OrderBookSnapshot(symbol, RecordVerdict.AT, levels(bids), levels(asks));

        RecordVerdict verdict = RecordVerdict.of(DataType.ORDERBOOK, "005930",
                BatchRecords.ofOrderBooks(List.of(book)), book, RecordVerdict.AT);

        verdict.assertIs(expected, row);
    }

    @Test
    void bookWithoutTimestampIsMissingAField() {
        OrderBookSnapshot book = new OrderBookSnapshot("005930", null, levels("75000:1"), levels("75100:1"));

        RecordVerdict.of(DataType.ORDERBOOK, "005930", BatchRecords.ofOrderBooks(List.of(book)), book, null)
                .assertIs("missing_field", "timestamp absent");
    }
}
