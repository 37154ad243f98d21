package dev.marketpipe.validator.records;

import dev.marketpipe.wire.AccountSnapshot;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.OrderRecord;
import dev.marketpipe.wire.Position;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The action table for account data at the boundaries, through {@link RecordBatchValidator}: required fields, no
 * negative amounts or quantities, totals that add up within the 1 KRW tolerance (a difference of exactly 1 KRW
 * passes, 2 KRW does not). Every finding quarantines the record (critical); there is no flag and no review.
 * {@code -} in a row is an absent field.
 */
class AccountActionTableTest {

    private static BigDecimal krw(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    @ParameterizedTest(name = "{0} -> {6}")
    @CsvSource(nullValues = "-", textBlock = """
            total is cash + positions,  1234****-01, 100, 50,  150, 1,  accepted
            total 1 KRW above,          1234****-01, 100, 50,  151, 1,  accepted
            total 1 KRW below,          1234****-01, 100, 50,  149, 1,  accepted
            total 2 KRW above,          1234****-01, 100, 50,  152, 1,  totals_mismatch
            total 2 KRW below,          1234****-01, 100, 50,  148, 1,  totals_mismatch
            cash 0,                     1234****-01, 0,   50,  50,  1,  accepted
            cash -1,                    1234****-01, -1,  51,  50,  1,  quantity_negative
            positions value -1,         1234****-01, 51,  -1,  50,  0,  quantity_negative
            no positions,               1234****-01, 100, 0,   100, 0,  accepted
            position count -1,          1234****-01, 100, 0,   100, -1, quantity_negative
            account number absent,      -,           100, 50,  150, 1,  missing_field
            cash absent,                1234****-01, -,   50,  150, 1,  missing_field
            positions value absent,     1234****-01, 100, -,   150, 1,  missing_field
            total absent,               1234****-01, 100, 50,  -,   1,  missing_field
            position count absent,      1234****-01, 100, 50,  150, -,  accepted
            """)
    void accountRows(String row, String account, String cash, String positionsValue, String total,
            Integer positionCount, String expected) {
        AccountSnapshot snapshot = new AccountSnapshot(account, RecordVerdict.AT, "KRW", krw(cash),
                krw(positionsValue), krw(total), positionCount);

        RecordVerdict.of(DataType.ACCOUNT_INFO, null, BatchRecords.ofAccounts(List.of(snapshot)), snapshot,
                RecordVerdict.AT).assertIs(expected, row);
    }

    @ParameterizedTest(name = "{0} -> {6}")
    @CsvSource(nullValues = "-", textBlock = """
            value is quantity x price,  2025-03-04T01:00:00Z, 005930, 10, 75000, 750000, accepted
            value 1 KRW above,          2025-03-04T01:00:00Z, 005930, 10, 75000, 750001, accepted
            value 2 KRW above,          2025-03-04T01:00:00Z, 005930, 10, 75000, 750002, totals_mismatch
            value 2 KRW below,          2025-03-04T01:00:00Z, 005930, 10, 75000, 749998, totals_mismatch
            quantity 0,                 2025-03-04T01:00:00Z, 005930, 0,  75000, 0,      accepted
            quantity -1,                2025-03-04T01:00:00Z, 005930, -1, 75000, -75000, quantity_negative
            current price 0,            2025-03-04T01:00:00Z, 005930, 10, 0,     0,      price_not_positive
            timestamp absent,           -,                    005930, 10, 75000, 750000, missing_field
            symbol absent,              2025-03-04T01:00:00Z, -,      10, 75000, 750000, missing_field
            quantity absent,            2025-03-04T01:00:00Z, 005930, -,  75000, 750000, missing_field
            current price absent,       2025-03-04T01:00:00Z, 005930, 10, -,     750000, missing_field
            market value absent,        2025-03-04T01:00:00Z, 005930, 10, 75000, -,      missing_field
            """)
    void positionRows(String row, String timestamp, String symbol, Long quantity, String currentPrice,
            String marketValue, String expected) {
        Instant at = timestamp == null ? null : Instant.parse(timestamp);
        Position position = new Position(at, symbol, quantity, krw("70000"), krw(currentPrice), krw(marketValue),
                null);

        RecordVerdict.of(DataType.POSITIONS, null, BatchRecords.ofPositions(List.of(position)), position, at)
                .assertIs(expected, row);
    }

    @ParameterizedTest(name = "{0} -> {7}")
    @CsvSource(nullValues = "-", textBlock = """
            filled order,               20250304-1, buy,  10, 10, 75000, filled,           accepted
            ordered 1 share,            20250304-1, buy,  1,  1,  75000, filled,           accepted
            nothing filled,             20250304-1, sell, 10, 0,  -,     cancelled,        accepted
            filled one more than ordered, 20250304-1, buy, 10, 11, 75000, filled,          totals_mismatch
            quantity 0,                 20250304-1, buy,  0,  0,  -,     cancelled,        quantity_not_positive
            filled -1,                  20250304-1, buy,  10, -1, -,     cancelled,        quantity_negative
            fills without a fill price, 20250304-1, buy,  10, 5,  -,     partially_filled, missing_field
            order id absent,            -,          buy,  10, 10, 75000, filled,           missing_field
            side absent,                20250304-1, -,    10, 10, 75000, filled,           missing_field
            unknown side,               20250304-1, hold, 10, 10, 75000, filled,           unknown_value
            unknown status,             20250304-1, buy,  10, 10, 75000, done,             unknown_value
            """)
    void orderRows(String row, String orderId, String side, Long quantity, Long filled, String filledPrice,
            String status, String expected) {
        OrderRecord order = new OrderRecord(orderId, RecordVerdict.AT, "005930", side, quantity, krw("75000"),
                filled, krw(filledPrice), status);

        RecordVerdict.of(DataType.ORDERS, null, BatchRecords.ofOrders(List.of(order)), order, RecordVerdict.AT)
                .assertIs(expected, row);
    }
}
