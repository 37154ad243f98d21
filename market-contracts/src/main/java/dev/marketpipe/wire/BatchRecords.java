package dev.marketpipe.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * The normalized records of a batch that are not bars (order books, account info, positions, order
 * history, and the ticks of a real-time feed). A batch of one data type fills the one list of that type; the others
 * stay null and are left out of the JSON, so {@code {"positions":[…]}} is all a positions batch carries here.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchRecords(
        List<OrderBookSnapshot> orderBooks,
        List<AccountSnapshot> accounts,
        List<Position> positions,
        List<OrderRecord> orders,
        List<Tick> ticks) {

    /** The four lists every batch type but ticks uses (the shape of the non-tick call sites). */
    public BatchRecords(List<OrderBookSnapshot> orderBooks, List<AccountSnapshot> accounts, List<Position> positions,
            List<OrderRecord> orders) {
        this(orderBooks, accounts, positions, orders, null);
    }

    /** The canonical constructor is the JSON creator. */
    @JsonCreator
    public BatchRecords {
    }

    public static BatchRecords ofOrderBooks(List<OrderBookSnapshot> books) {
        return new BatchRecords(books, null, null, null);
    }

    public static BatchRecords ofAccounts(List<AccountSnapshot> accounts) {
        return new BatchRecords(null, accounts, null, null);
    }

    public static BatchRecords ofPositions(List<Position> positions) {
        return new BatchRecords(null, null, positions, null);
    }

    public static BatchRecords ofOrders(List<OrderRecord> orders) {
        return new BatchRecords(null, null, null, orders);
    }

    public static BatchRecords ofTicks(List<Tick> ticks) {
        return new BatchRecords(null, null, null, null, ticks);
    }

    /** The list of {@code type}'s records, null when absent ({@code market_data} has none here). */
    public List<?> of(DataType type) {
        return switch (type) {
            case ORDERBOOK -> orderBooks;
            case ACCOUNT_INFO -> accounts;
            case POSITIONS -> positions;
            case ORDERS -> orders;
            case TICKS -> ticks;
            case MARKET_DATA -> null;
        };
    }

    /** Records in all lists. */
    @JsonIgnore
    public int size() {
        return count(orderBooks) + count(accounts) + count(positions) + count(orders) + count(ticks);
    }

    private static int count(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
