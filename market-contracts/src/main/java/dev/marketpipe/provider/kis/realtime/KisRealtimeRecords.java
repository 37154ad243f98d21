package dev.marketpipe.provider.kis.realtime;

import static dev.marketpipe.provider.RawFields.decimal;
import static dev.marketpipe.provider.RawFields.whole;

import dev.marketpipe.provider.kis.KisBookLevels;
import dev.marketpipe.provider.kis.KisTimes;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.Tick;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The wire records of the real-time records: a trade ({@code H0STCNT0}) is a {@link Tick}, an order book record
 * ({@code H0STASP0}) an {@link OrderBookSnapshot}. Lenient per field, like the REST readers: a field that is blank
 * or unreadable stays {@code null} for the validator.
 */
public final class KisRealtimeRecords {

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
                KisTimes.instant(day, KisTimes.time(book.node("BSOP_HOUR"))),
                KisBookLevels.side(book::node, "BIDP", "BIDP_RSQN"), KisBookLevels.side(book::node, "ASKP", "ASKP_RSQN"));
    }
}
