package dev.marketpipe.simulator.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.market.KrxTickSize;
import dev.marketpipe.provider.kis.KisTimes;
import dev.marketpipe.provider.kis.realtime.KisRealtimeColumns;
import dev.marketpipe.simulator.kis.KisMessageCodes;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.simulator.market.OrderBook;
import dev.marketpipe.simulator.market.TradeTape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The text frames of the KIS real-time WebSocket, as the official samples and market-contracts' fixtures show them:
 * JSON control frames (subscribe answers, {@code PINGPONG}) and data frames {@code 0|TR_ID|NNN|v^v^…} with NNN
 * records of a fixed field count back to back ({@link KisRealtimeColumns}). Frames are plain ({@code 0|…}); the
 * subscribe answer still carries a key and IV, as KIS's does.
 *
 * <p>A trade record carries what the tape knows: price, change and rate against the previous close, the day's
 * open/high/low with their times, best ask and bid around the trade, quantity, cumulative volume and traded value,
 * the weighted average price, the trade's side and the business date. The running buy/sell statistics, best-level
 * and total resting quantities, turnover and previous-day comparisons are not simulated and are {@code 0}.
 */
public final class KisRealtimeFrames {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId KST = MarketCalendar.KRX_ZONE;
    private static final DateTimeFormatter PING_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final char SEPARATOR = '^';

    private KisRealtimeFrames() {
    }

    // ---------------------------------------------------------------------------------------------------------
    // Control frames

    /** The answer to a subscription: success with the subscription's AES key and IV. */
    static String subscribed(String trId, String trKey, String key, String iv) {
        ObjectNode frame = head(trId, trKey);
        ObjectNode body = frame.putObject("body").put("rt_cd", "0").put("msg_cd", KisMessageCodes.SUBSCRIBED)
                .put("msg1", "SUBSCRIBE SUCCESS");
        body.putObject("output").put("iv", iv).put("key", key);
        return frame.toString();
    }

    static String unsubscribed(String trId, String trKey) {
        ObjectNode frame = head(trId, trKey);
        frame.putObject("body").put("rt_cd", "0").put("msg_cd", KisMessageCodes.UNSUBSCRIBED).put("msg1", "UNSUBSCRIBE SUCCESS");
        return frame.toString();
    }

    /** A refused request: {@code rt_cd 1} with KIS's message. */
    static String refused(String trId, String trKey, String msgCd, String msg1) {
        ObjectNode frame = head(trId, trKey);
        frame.putObject("body").put("rt_cd", "1").put("msg_cd", msgCd).put("msg1", msg1);
        return frame.toString();
    }

    /** The keep-alive the client sends back unchanged. */
    static String pingPong(Instant at) {
        ObjectNode frame = JSON.createObjectNode();
        frame.putObject("header").put("tr_id", KisRealtimeColumns.PINGPONG)
                .put("datetime", kst(at).format(PING_TIME));
        return frame.toString();
    }

    private static ObjectNode head(String trId, String trKey) {
        ObjectNode frame = JSON.createObjectNode();
        frame.putObject("header").put("tr_id", trId == null ? "" : trId).put("tr_key", trKey == null ? "" : trKey)
                .put("encrypt", "N");
        return frame;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Data frames

    /** One {@code H0STCNT0} frame of {@code trades} (those of one second of {@code day}), in tape order. */
    public static String trades(TradeTape.Day day, List<TradeTape.Trade> trades) {
        StringBuilder frame = new StringBuilder(64 + trades.size() * 300);
        frame.append("0|").append(KisRealtimeColumns.TRADES).append('|').append(count(trades.size())).append('|');
        String date = day.date().format(KisTimes.DATE);
        String openHour = day.trades().isEmpty() ? "090000" : hour(day.trades().get(0).at());
        for (int i = 0; i < trades.size(); i++) {
            if (i > 0) {
                frame.append(SEPARATOR);
            }
            trade(frame, day, trades.get(i), date, openHour);
        }
        return frame.toString();
    }

    private static void trade(StringBuilder out, TradeTape.Day day, TradeTape.Trade trade, String date,
            String openHour) {
        long price = trade.price();
        long previousClose = trade.previousClose();
        long change = price - previousClose;
        long ask = trade.buyerInitiated() ? price : KrxTickSize.up(price);
        long bid = trade.buyerInitiated() ? KrxTickSize.down(price) : price;
        Fields f = new Fields(out);
        f.add(day.symbol());                                            // MKSC_SHRN_ISCD
        f.add(hour(trade.at()));                                        // STCK_CNTG_HOUR
        f.add(price);                                                   // STCK_PRPR
        f.add(dayChangeSign(price, previousClose));                     // PRDY_VRSS_SIGN
        f.add(change);                                                  // PRDY_VRSS
        f.add(percent(change, previousClose));                          // PRDY_CTRT
        f.add(ratio(trade.cumulativeValue(), trade.cumulativeVolume())); // WGHN_AVRG_STCK_PRC
        f.add(day.open());                                              // STCK_OPRC
        f.add(trade.dayHigh());                                         // STCK_HGPR
        f.add(trade.dayLow());                                          // STCK_LWPR
        f.add(ask);                                                     // ASKP1
        f.add(bid);                                                     // BIDP1
        f.add(trade.quantity());                                        // CNTG_VOL
        f.add(trade.cumulativeVolume());                                // ACML_VOL
        f.add(trade.cumulativeValue());                                 // ACML_TR_PBMN
        f.add(0).add(0).add(0);                                         // SELN_, SHNU_, NTBY_CNTG_CSNU
        f.add("0.00");                                                  // CTTR
        f.add(0).add(0);                                                // SELN_, SHNU_CNTG_SMTN
        f.add(trade.buyerInitiated() ? "1" : "5");                      // CCLD_DVSN: 1 buy, 5 sell
        f.add("0.00").add("0.00");                                      // SHNU_RATE, PRDY_VOL_VRSS_ACML_VOL_RATE
        f.add(openHour);                                                // OPRC_HOUR
        f.add(sign(price - day.open())).add(price - day.open());        // OPRC_VRSS_PRPR_SIGN, _PRPR
        f.add(hour(trade.dayHighAt()));                                 // HGPR_HOUR
        f.add(sign(price - trade.dayHigh())).add(price - trade.dayHigh()); // HGPR_VRSS_PRPR_SIGN, _PRPR
        f.add(hour(trade.dayLowAt()));                                  // LWPR_HOUR
        f.add(sign(price - trade.dayLow())).add(price - trade.dayLow()); // LWPR_VRSS_PRPR_SIGN, _PRPR
        f.add(date);                                                    // BSOP_DATE
        f.add("20");                                                    // NEW_MKOP_CLS_CODE: regular session
        f.add("N");                                                     // TRHT_YN: not halted
        f.add(0).add(0).add(0).add(0);                                  // ASKP_RSQN1, BIDP_RSQN1, TOTAL_…
        f.add("0.00");                                                  // VOL_TNRT
        f.add(0).add("0.00");                                           // PRDY_SMNS_HOUR_ACML_VOL, _RATE
        f.add("0");                                                     // HOUR_CLS_CODE: in session
        f.add("0");                                                     // MRKT_TRTM_CLS_CODE
        f.add(previousClose);                                           // VI_STND_PRC
    }

    /**
     * One {@code H0STASP0} frame of {@code book} (ten levels a side), with the day's cumulative volume so far.
     */
    public static String orderBook(OrderBook book, long cumulativeVolume) {
        StringBuilder frame = new StringBuilder(512);
        frame.append("0|").append(KisRealtimeColumns.ORDER_BOOK).append("|001|");
        Fields f = new Fields(frame);
        f.add(book.symbol()).add(hour(book.timestamp())).add("0");      // MKSC_SHRN_ISCD, BSOP_HOUR, HOUR_CLS_CODE
        book.asks().forEach(level -> f.add(level.price()));             // ASKP1..10
        book.bids().forEach(level -> f.add(level.price()));             // BIDP1..10
        book.asks().forEach(level -> f.add(level.quantity()));          // ASKP_RSQN1..10
        book.bids().forEach(level -> f.add(level.quantity()));          // BIDP_RSQN1..10
        f.add(book.asks().stream().mapToLong(OrderBook.Level::quantity).sum()); // TOTAL_ASKP_RSQN
        f.add(book.bids().stream().mapToLong(OrderBook.Level::quantity).sum()); // TOTAL_BIDP_RSQN
        f.add(0).add(0);                                                // OVTM_TOTAL_ASKP/BIDP_RSQN
        f.add(0).add(0).add(0).add(0).add(0).add("0.00");               // ANTC_*: no auction in session
        f.add(cumulativeVolume);                                        // ACML_VOL
        f.add(0).add(0).add(0).add(0);                                  // TOTAL_*_ICDC, OVTM_*_ICDC
        f.add("00");                                                    // STCK_DEAL_CLS_CODE
        return frame.toString();
    }

    /** NNN: three digits, zero padded. */
    private static String count(int n) {
        return n < 10 ? "00" + n : n < 100 ? "0" + n : Integer.toString(n);
    }

    private static LocalDateTime kst(Instant at) {
        return LocalDateTime.ofInstant(at, KST);
    }

    /** HHmmss in KST. */
    private static String hour(Instant at) {
        LocalDateTime time = kst(at);
        int hhmmss = time.getHour() * 10_000 + time.getMinute() * 100 + time.getSecond();
        String digits = Integer.toString(hhmmss);
        return "000000".substring(digits.length()) + digits;
    }

    /** KIS's sign code of a day change: 1 upper limit, 2 up, 3 unchanged, 4 lower limit, 5 down. */
    private static String dayChangeSign(long price, long previousClose) {
        if (price >= KrxTickSize.floor(previousClose * (1 + BarGenerator.PRICE_LIMIT))) {
            return "1";
        }
        if (price <= KrxTickSize.ceil(previousClose * (1 - BarGenerator.PRICE_LIMIT))) {
            return "4";
        }
        return sign(price - previousClose);
    }

    private static String sign(long difference) {
        return difference > 0 ? "2" : difference < 0 ? "5" : "3";
    }

    /** {@code 100 × part / whole} with two decimals. */
    private static String percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static String ratio(long numerator, long denominator) {
        return denominator == 0 ? "0.00" : BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Appends fields joined by {@code ^}. */
    private static final class Fields {
        private final StringBuilder out;
        private boolean first = true;

        Fields(StringBuilder out) {
            this.out = out;
        }

        Fields add(String value) {
            if (!first) {
                out.append(SEPARATOR);
            }
            first = false;
            out.append(value);
            return this;
        }

        Fields add(long value) {
            return add(Long.toString(value));
        }
    }
}
