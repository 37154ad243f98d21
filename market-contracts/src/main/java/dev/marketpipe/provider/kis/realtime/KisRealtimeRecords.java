package dev.marketpipe.provider.kis.realtime;

import static dev.marketpipe.provider.RawFields.decimal;
import static dev.marketpipe.provider.RawFields.whole;

import dev.marketpipe.provider.kis.KisTimes;
import dev.marketpipe.wire.BookLevel;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.Tick;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire records of the real-time records: a trade ({@code H0STCNT0}) is a {@link Tick}, an order book record
 * ({@code H0STASP0}) an {@link OrderBookSnapshot}. Lenient per field, like the REST readers: a field that is blank
 * or unreadable stays {@code null} for the validator.
 */
public final class KisRealtimeRecords {

    private static final int BOOK_LEVELS = 10;

    private KisRealtimeRecords() {
    }

    /**
     * {@code STCK_PRPR} at {@code BSOP_DATE STCK_CNTG_HOUR} (KST), {@code CNTG_VOL}, the day's {@code ACML_VOL} and
     * {@code ACML_TR_PBMN}; the previous close is the price minus the signed change {@code PRDY_VRSS}.
     */
    public static Tick tick(KisRecord trade) {
        BigDecimal price = decimal(trade.node("STCK_PRPR"));
        BigDecimal change = decimal(trade.node("PRDY_VRSS"));
        return new Tick(trade.get("MKSC_SHRN_ISCD"),
                KisTimes.instant(KisTimes.date(trade.node("BSOP_DATE")), KisTimes.time(trade.node("STCK_CNTG_HOUR"))),
                price, whole(trade.node("CNTG_VOL")), whole(trade.node("ACML_VOL")),
                decimal(trade.node("ACML_TR_PBMN")),
                price == null || change == null ? null : price.subtract(change));
    }

    /** {@code ASKP1..10}/{@code ASKP_RSQN1..10}, {@code BIDP…} at {@code BSOP_HOUR} of {@code day} (KST). */
    public static OrderBookSnapshot orderBook(KisRecord book, LocalDate day) {
        return new OrderBookSnapshot(book.get("MKSC_SHRN_ISCD"),
                KisTimes.instant(day, KisTimes.time(book.node("BSOP_HOUR"))), levels(book, "BIDP"),
                levels(book, "ASKP"));
    }

    /** The levels of one side; an empty level (price and quantity 0) ends the side, as in the REST order book. */
    private static List<BookLevel> levels(KisRecord book, String side) {
        List<BookLevel> levels = new ArrayList<>();
        for (int i = 1; i <= BOOK_LEVELS; i++) {
            BigDecimal price = decimal(book.node(side + i));
            Long quantity = whole(book.node(side + "_RSQN" + i));
            if (price != null && price.signum() == 0 && quantity != null && quantity == 0) {
                break;
            }
            levels.add(new BookLevel(price, quantity));
        }
        return levels;
    }
}
