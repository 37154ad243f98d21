package dev.marketpipe.validator.records;

import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.BookLevel;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.QualityIssue;

import java.util.List;

/**
 * Minimal rules for an order-book snapshot: required fields, both sides non-empty, every level
 * with a positive price and quantity, bids strictly descending and asks strictly ascending, best bid below best
 * ask, and the symbol of its batch.
 */
public final class OrderBookRules {

    private OrderBookRules() {
    }

    public static List<QualityIssue> check(OrderBookSnapshot book, String batchSymbol) {
        Findings findings = new Findings(book.timestamp());
        if (findings.missing("symbol", book.symbol(), "timestamp", book.timestamp(), "bids", book.bids(),
                "asks", book.asks())) {
            return findings.issues();
        }
        if (batchSymbol != null && !batchSymbol.equals(book.symbol())) {
            findings.add(RuleCodes.SYMBOL_MISMATCH, "symbol " + book.symbol() + " differs from the batch's "
                    + batchSymbol);
        }
        if (book.bids().isEmpty() || book.asks().isEmpty()) {
            findings.add(RecordRuleCodes.BOOK_EMPTY, "the book has " + book.bids().size() + " bid and "
                    + book.asks().size() + " ask levels; both sides need at least one");
            return findings.issues();
        }
        boolean complete = levels("bids", book.bids(), findings) & levels("asks", book.asks(), findings);
        if (!complete) {
            return findings.issues();
        }
        for (int i = 1; i < book.bids().size(); i++) {
            if (book.bids().get(i).price().compareTo(book.bids().get(i - 1).price()) >= 0) {
                findings.add(RecordRuleCodes.BOOK_UNORDERED, "bids[" + i + "] is not below bids[" + (i - 1) + "]");
                break;
            }
        }
        for (int i = 1; i < book.asks().size(); i++) {
            if (book.asks().get(i).price().compareTo(book.asks().get(i - 1).price()) <= 0) {
                findings.add(RecordRuleCodes.BOOK_UNORDERED, "asks[" + i + "] is not above asks[" + (i - 1) + "]");
                break;
            }
        }
        if (book.bids().get(0).price().compareTo(book.asks().get(0).price()) >= 0) {
            findings.add(RecordRuleCodes.BOOK_CROSSED, "best bid " + book.bids().get(0).price().toPlainString()
                    + " is not below best ask " + book.asks().get(0).price().toPlainString());
        }
        return findings.issues();
    }

    /** Checks each level's fields; false when a level lacks a price or quantity (ordering cannot be judged). */
    private static boolean levels(String side, List<BookLevel> levels, Findings findings) {
        boolean complete = true;
        for (int i = 0; i < levels.size(); i++) {
            BookLevel level = levels.get(i);
            String where = side + "[" + i + "]";
            if (level == null || level.price() == null || level.quantity() == null) {
                findings.add(RuleCodes.MISSING_FIELD, where + " lacks a price or quantity");
                complete = false;
                continue;
            }
            findings.positivePrice(where + ".price", level.price());
            if (level.quantity() <= 0) {
                findings.add(RecordRuleCodes.QUANTITY_NOT_POSITIVE, where + ".quantity is " + level.quantity());
            }
        }
        return complete;
    }
}
