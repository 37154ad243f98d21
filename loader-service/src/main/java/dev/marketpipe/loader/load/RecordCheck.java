package dev.marketpipe.loader.load;

import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.BookLevel;
import dev.marketpipe.wire.QuarantinedRecord;
import dev.marketpipe.wire.ValidatedBatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link LoadRequestCheck} of order-book, account and tick batches: every accepted record has what its table's
 * {@code NOT NULL} columns need, an account number is masked (never stored in clear), and every quarantined record
 * has a status and reasons. Findings name the field, never a value (account data is sensitive).
 */
final class RecordCheck {

    /** A masked account number shows at least one mask character. */
    private static final char MASK = '*';

    private RecordCheck() {
    }

    static void check(ValidatedBatch batch, List<String> findings) {
        BatchRecords records = batch.acceptedRecords();
        switch (batch.dataType()) {
            case ORDERBOOK -> each(records.orderBooks(), "orderBooks", findings, (book, nulls) -> {
                nulls(nulls, "symbol", book.symbol(), "timestamp", book.timestamp());
                if (book.bids() == null || book.bids().isEmpty() || book.asks() == null || book.asks().isEmpty()) {
                    nulls.add("bids/asks");
                } else if (incomplete(book.bids()) || incomplete(book.asks())) {
                    nulls.add("level price/quantity");
                }
                if (book.symbol() != null && !book.symbol().equals(batch.symbol())) {
                    nulls.add("symbol of the batch");
                }
            });
            case ACCOUNT_INFO -> each(records.accounts(), "accounts", findings, (account, nulls) -> {
                nulls(nulls, "timestamp", account.timestamp(), "accountMasked", account.accountMasked(),
                        "cash", account.cash(), "positionsValue", account.positionsValue(),
                        "totalValue", account.totalValue());
                if (account.accountMasked() != null && account.accountMasked().indexOf(MASK) < 0) {
                    nulls.add("a masked accountMasked (it looks like a clear account number)");
                }
            });
            case POSITIONS -> each(records.positions(), "positions", findings, (position, nulls) ->
                    nulls(nulls, "timestamp", position.timestamp(), "symbol", position.symbol(),
                            "quantity", position.quantity(), "averagePrice", position.averagePrice(),
                            "currentPrice", position.currentPrice(), "marketValue", position.marketValue()));
            case ORDERS -> each(records.orders(), "orders", findings, (order, nulls) ->
                    nulls(nulls, "orderId", order.orderId(), "orderedAt", order.orderedAt(), "symbol", order.symbol(),
                            "side", order.side(), "quantity", order.quantity(), "price", order.price(),
                            "filledQuantity", order.filledQuantity(), "status", order.status()));
            case TICKS -> each(records.ticks(), "ticks", findings, (tick, nulls) -> {
                nulls(nulls, "symbol", tick.symbol(), "timestamp", tick.timestamp(), "price", tick.price(),
                        "quantity", tick.quantity(), "cumulativeVolume", tick.cumulativeVolume());
                if (tick.symbol() != null && !tick.symbol().equals(batch.symbol())) {
                    nulls.add("symbol of the batch");
                }
            });
            case MARKET_DATA -> throw new IllegalArgumentException("bars are checked by LoadRequestCheck");
        }
        List<QuarantinedRecord> quarantined = batch.quarantinedRecords();
        for (int i = 0; i < quarantined.size(); i++) {
            QuarantinedRecord record = quarantined.get(i);
            String where = "quarantinedRecords[" + i + "]";
            if (record == null || record.record() == null || record.record().isNull()) {
                findings.add(where + ": no record");
            } else if (record.status() == null) {
                findings.add(where + ": no status");
            } else if (record.issues() == null || record.issues().isEmpty()) {
                findings.add(where + ": no reasons (issues)");
            }
        }
    }

    private static boolean incomplete(List<BookLevel> levels) {
        return levels.stream().anyMatch(l -> l == null || l.price() == null || l.quantity() == null);
    }

    private static void nulls(List<String> nulls, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                nulls.add((String) namesAndValues[i]);
            }
        }
    }

    private static <T> void each(List<T> records, String name, List<String> findings, Rule<T> rule) {
        for (int i = 0; i < records.size(); i++) {
            T record = records.get(i);
            List<String> lacking = new ArrayList<>();
            if (record == null) {
                lacking.add("a record");
            } else {
                rule.check(record, lacking);
            }
            if (!lacking.isEmpty()) {
                findings.add("acceptedRecords." + name + "[" + i + "]: accepted without " + String.join(", ", lacking));
            }
        }
    }

    @FunctionalInterface
    private interface Rule<T> {
        void check(T record, List<String> lacking);
    }
}
