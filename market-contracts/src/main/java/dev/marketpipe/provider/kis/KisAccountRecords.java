package dev.marketpipe.provider.kis;

import static dev.marketpipe.provider.RawFields.decimal;
import static dev.marketpipe.provider.RawFields.text;
import static dev.marketpipe.provider.RawFields.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.provider.ResponseContext;
import dev.marketpipe.wire.AccountSnapshot;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.OrderRecord;
import dev.marketpipe.wire.Position;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The order book ({@code FHKST01010200}), the balance ({@code TTTC8434R}: {@code output1} positions,
 * {@code output2} the account summary) and the daily orders and executions ({@code TTTC0081R}) of KIS, read into
 * wire records. KIS leaves the account number and the symbol of an order book out of its answers: they come from
 * the request ({@link ResponseContext}), the account number already masked.
 */
final class KisAccountRecords {

    static final String CURRENCY = "KRW";

    private KisAccountRecords() {
    }

    /** {@code output1}: {@code askp1..10}/{@code askp_rsqn1..10}, {@code bidp…}, {@code aspr_acpt_hour}. */
    static OrderBookSnapshot orderBook(JsonNode raw, ResponseContext context) {
        JsonNode book = KisRows.first(raw, "output1");
        LocalDate day = context.fetchedAt() == null ? null : KisTimes.dateOf(context.fetchedAt());
        return new OrderBookSnapshot(context.symbol(),
                KisTimes.instant(day, KisTimes.time(book.get("aspr_acpt_hour"))),
                KisBookLevels.side(book::get, "bidp", "bidp_rsqn"), KisBookLevels.side(book::get, "askp", "askp_rsqn"));
    }

    /** {@code output2} (one summary): cash {@code dnca_tot_amt}, {@code scts_evlu_amt}, {@code tot_evlu_amt}. */
    static AccountSnapshot account(JsonNode raw, ResponseContext context) {
        JsonNode summary = KisRows.first(raw, "output2");
        return new AccountSnapshot(context.account(), context.fetchedAt(), CURRENCY,
                decimal(summary.get("dnca_tot_amt")), decimal(summary.get("scts_evlu_amt")),
                decimal(summary.get("tot_evlu_amt")), held(raw).size());
    }

    /** {@code output1}: one row per holding; a holding sold down to 0 today is listed until D+2 and left out. */
    static List<Position> positions(JsonNode raw, ResponseContext context) {
        List<Position> positions = new ArrayList<>();
        for (JsonNode row : held(raw)) {
            positions.add(new Position(context.fetchedAt(), text(row.get("pdno")), whole(row.get("hldg_qty")),
                    decimal(row.get("pchs_avg_pric")), decimal(row.get("prpr")), decimal(row.get("evlu_amt")),
                    decimal(row.get("evlu_pfls_amt"))));
        }
        return positions;
    }

    private static List<JsonNode> held(JsonNode raw) {
        return KisRows.of(raw, "output1").stream().filter(row -> {
            Long quantity = whole(row.get("hldg_qty"));
            return quantity == null || quantity != 0;
        }).toList();
    }

    /**
     * {@code output1}: {@code odno}, {@code ord_dt}+{@code ord_tmd}, {@code pdno}, {@code sll_buy_dvsn_cd}
     * (01 sell, 02 buy), {@code ord_qty}, {@code ord_unpr}, {@code tot_ccld_qty}, {@code avg_prvs}, {@code cncl_yn}.
     * KIS asks for whole days: orders outside the requested window are left to the request that covers them.
     */
    static List<OrderRecord> orders(JsonNode raw, ResponseContext context) {
        List<OrderRecord> orders = new ArrayList<>();
        for (JsonNode row : KisRows.of(raw, "output1")) {
            Instant orderedAt = KisTimes.instant(KisTimes.date(row.get("ord_dt")), KisTimes.time(row.get("ord_tmd")));
            if (orderedAt != null && !context.inWindow(orderedAt)) {
                continue;
            }
            Long quantity = whole(row.get("ord_qty"));
            Long filled = whole(row.get("tot_ccld_qty"));
            orders.add(new OrderRecord(text(row.get("odno")), orderedAt,
                    text(row.get("pdno")), side(text(row.get("sll_buy_dvsn_cd"))), quantity,
                    decimal(row.get("ord_unpr")), filled,
                    filled != null && filled > 0 ? decimal(row.get("avg_prvs")) : null,
                    status(text(row.get("cncl_yn")), quantity, filled)));
        }
        return orders;
    }

    private static String side(String code) {
        if ("01".equals(code)) {
            return "sell";
        }
        return "02".equals(code) ? "buy" : code; // anything else: as sent, for the validator to reject
    }

    private static String status(String cancelled, Long quantity, Long filled) {
        if (quantity == null || filled == null) {
            return null;
        }
        if (filled >= quantity && quantity > 0) {
            return "filled";
        }
        if ("Y".equalsIgnoreCase(cancelled)) {
            return filled > 0 ? "partially_filled" : "cancelled";
        }
        return filled > 0 ? "partially_filled" : "open";
    }
}
