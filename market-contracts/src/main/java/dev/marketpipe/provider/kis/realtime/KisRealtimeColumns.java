package dev.marketpipe.provider.kis.realtime;

import java.util.List;

/**
 * The columns of the KIS real-time records marketpipe subscribes to, in frame order, as the official samples list
 * them ({@code koreainvestment/open-trading-api}: {@code examples_llm/domestic_stock/ccnl_krx},
 * {@code asking_price_krx}, {@code legacy/websocket/python/ws_domestic_stock.py}). A data frame carries N records of
 * a fixed field count back to back; a record may carry more fields than listed here (KIS appends new ones at the
 * end, as the order book's four mid-price fields were), never fewer.
 */
public final class KisRealtimeColumns {

    /** Trades of a KRX stock ({@code H0STCNT0}, 실시간체결가): 46 fields. */
    public static final String TRADES = "H0STCNT0";
    /** Ten-level order book of a KRX stock ({@code H0STASP0}, 실시간호가): 59 fields (63 with the mid-price block). */
    public static final String ORDER_BOOK = "H0STASP0";
    /** The keep-alive control frame, answered by sending it back. */
    public static final String PINGPONG = "PINGPONG";

    public static final List<String> TRADE_COLUMNS = List.of(
            "MKSC_SHRN_ISCD", "STCK_CNTG_HOUR", "STCK_PRPR", "PRDY_VRSS_SIGN",
            "PRDY_VRSS", "PRDY_CTRT", "WGHN_AVRG_STCK_PRC", "STCK_OPRC",
            "STCK_HGPR", "STCK_LWPR", "ASKP1", "BIDP1", "CNTG_VOL", "ACML_VOL",
            "ACML_TR_PBMN", "SELN_CNTG_CSNU", "SHNU_CNTG_CSNU", "NTBY_CNTG_CSNU",
            "CTTR", "SELN_CNTG_SMTN", "SHNU_CNTG_SMTN", "CCLD_DVSN", "SHNU_RATE",
            "PRDY_VOL_VRSS_ACML_VOL_RATE", "OPRC_HOUR", "OPRC_VRSS_PRPR_SIGN",
            "OPRC_VRSS_PRPR", "HGPR_HOUR", "HGPR_VRSS_PRPR_SIGN", "HGPR_VRSS_PRPR",
            "LWPR_HOUR", "LWPR_VRSS_PRPR_SIGN", "LWPR_VRSS_PRPR", "BSOP_DATE",
            "NEW_MKOP_CLS_CODE", "TRHT_YN", "ASKP_RSQN1", "BIDP_RSQN1",
            "TOTAL_ASKP_RSQN", "TOTAL_BIDP_RSQN", "VOL_TNRT",
            "PRDY_SMNS_HOUR_ACML_VOL", "PRDY_SMNS_HOUR_ACML_VOL_RATE",
            "HOUR_CLS_CODE", "MRKT_TRTM_CLS_CODE", "VI_STND_PRC");

    public static final List<String> ORDER_BOOK_COLUMNS = List.of(
            "MKSC_SHRN_ISCD", "BSOP_HOUR", "HOUR_CLS_CODE",
            "ASKP1", "ASKP2", "ASKP3", "ASKP4", "ASKP5", "ASKP6", "ASKP7", "ASKP8", "ASKP9", "ASKP10",
            "BIDP1", "BIDP2", "BIDP3", "BIDP4", "BIDP5", "BIDP6", "BIDP7", "BIDP8", "BIDP9", "BIDP10",
            "ASKP_RSQN1", "ASKP_RSQN2", "ASKP_RSQN3", "ASKP_RSQN4", "ASKP_RSQN5",
            "ASKP_RSQN6", "ASKP_RSQN7", "ASKP_RSQN8", "ASKP_RSQN9", "ASKP_RSQN10",
            "BIDP_RSQN1", "BIDP_RSQN2", "BIDP_RSQN3", "BIDP_RSQN4", "BIDP_RSQN5",
            "BIDP_RSQN6", "BIDP_RSQN7", "BIDP_RSQN8", "BIDP_RSQN9", "BIDP_RSQN10",
            "TOTAL_ASKP_RSQN", "TOTAL_BIDP_RSQN", "OVTM_TOTAL_ASKP_RSQN", "OVTM_TOTAL_BIDP_RSQN",
            "ANTC_CNPR", "ANTC_CNQN", "ANTC_VOL", "ANTC_CNTG_VRSS", "ANTC_CNTG_VRSS_SIGN",
            "ANTC_CNTG_PRDY_CTRT", "ACML_VOL", "TOTAL_ASKP_RSQN_ICDC", "TOTAL_BIDP_RSQN_ICDC",
            "OVTM_TOTAL_ASKP_ICDC", "OVTM_TOTAL_BIDP_ICDC", "STCK_DEAL_CLS_CODE");

    private KisRealtimeColumns() {
    }

    /** The columns of {@code trId}'s records; {@code null} for a record marketpipe does not read. */
    public static List<String> of(String trId) {
        return switch (trId) {
            case TRADES -> TRADE_COLUMNS;
            case ORDER_BOOK -> ORDER_BOOK_COLUMNS;
            default -> null;
        };
    }

    /** Index of {@code column} in {@code trId}'s records (a programming error if it is not one of them). */
    public static int index(String trId, String column) {
        int index = of(trId).indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(trId + " has no column " + column);
        }
        return index;
    }
}
