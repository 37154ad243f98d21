package dev.marketpipe.provider.kis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.provider.ResponseContext;
import dev.marketpipe.provider.ResponseFormats;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.OrderRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Daily bars, orders and the format mark of KIS answers, as the official samples' field lists describe them. */
class KisFormatTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aKisAnswerIsRecognisedByItsRtCdAndASpecAnswerIsNot() throws IOException {
        assertSame(ResponseFormats.KIS, ResponseFormats.of(MAPPER.readTree("{\"rt_cd\":\"0\",\"output2\":[]}")));
        assertSame(ResponseFormats.SPEC, ResponseFormats.of(MAPPER.readTree("{\"status\":\"success\",\"data\":[]}")));
    }

    @Test
    void dailyRowsAreStampedWithTheSessionOpenAndPaddedEmptyRowsAreNoRecords() throws IOException {
        JsonNode raw = MAPPER.readTree("""
                {"rt_cd":"0","msg_cd":"MCA00000","msg1":"정상처리 되었습니다.","output1":{"stck_prpr":"70100"},
                 "output2":[
                  {"stck_bsop_date":"20250305","stck_clpr":"70100","stck_oprc":"69800","stck_hgpr":"70500",
                   "stck_lwpr":"69500","acml_vol":"15000000","acml_tr_pbmn":"1051500000000","flng_cls_code":"00",
                   "prtt_rate":"0.00","mod_yn":"N","prdy_vrss_sign":"2","prdy_vrss":"300","revl_issu_reas":""},
                  {"stck_bsop_date":"20250304","stck_clpr":"69800","stck_oprc":"70000","stck_hgpr":"70300",
                   "stck_lwpr":"69600","acml_vol":"","acml_tr_pbmn":"990000000000","flng_cls_code":"00",
                   "prtt_rate":"0.00","mod_yn":"N","prdy_vrss_sign":"5","prdy_vrss":"-200","revl_issu_reas":""},
                  {"stck_bsop_date":"","stck_clpr":"","stck_oprc":"","stck_hgpr":"","stck_lwpr":"","acml_vol":"",
                   "acml_tr_pbmn":"","flng_cls_code":"","prtt_rate":"","mod_yn":"","prdy_vrss_sign":"","prdy_vrss":"",
                   "revl_issu_reas":""}]}""");
        ResponseContext context = ResponseContext.market("005930", BarInterval.ONE_DAY, null, null,
                Instant.parse("2025-03-06T00:00:00Z"));

        List<Bar> bars = ResponseFormats.KIS.bars(raw, context);

        assertEquals(2, bars.size());
        assertEquals(Instant.parse("2025-03-04T00:00:00Z"), bars.get(0).timestamp(), "09:00 KST");
        assertNull(bars.get(0).volume(), "a blank number is missing, not 0");
        assertEquals(new BigDecimal("1051500000000"), bars.get(1).value());
    }

    @Test
    void aFullDailyPageContinuesTheDayBeforeItsOldestRow() throws IOException {
        StringBuilder rows = new StringBuilder();
        LocalDate day = LocalDate.of(2025, 6, 30);
        for (int i = 0; i < KisDailyBars.PAGE_ROWS; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"stck_bsop_date\":\"")
                    .append(KisTimes.DATE.format(day.minusDays(i))).append("\",\"stck_clpr\":\"100\"}");
        }
        JsonNode raw = MAPPER.readTree("{\"rt_cd\":\"0\",\"output2\":[" + rows + "]}");

        assertEquals(LocalDate.of(2025, 3, 22), KisDailyBars.nextPageEnd(raw, LocalDate.of(2025, 1, 1)).orElseThrow());
        assertEquals(java.util.Optional.empty(), KisDailyBars.nextPageEnd(raw, LocalDate.of(2025, 3, 23)));
    }

    @Test
    void ordersTakeTheirSideAndStatusFromKisCodes() throws IOException {
        JsonNode raw = MAPPER.readTree("""
                {"rt_cd":"0","ctx_area_fk100":"","ctx_area_nk100":"","output1":[
                 {"ord_dt":"20250304","odno":"0000117057","pdno":"005930","sll_buy_dvsn_cd":"02","ord_qty":"10",
                  "ord_unpr":"70000","ord_tmd":"093015","tot_ccld_qty":"10","avg_prvs":"69950","cncl_yn":"N","rmn_qty":"0"},
                 {"ord_dt":"20250304","odno":"0000117058","pdno":"000660","sll_buy_dvsn_cd":"01","ord_qty":"5",
                  "ord_unpr":"180000","ord_tmd":"101500","tot_ccld_qty":"2","avg_prvs":"180000","cncl_yn":"Y","rmn_qty":"0"},
                 {"ord_dt":"20250304","odno":"0000117059","pdno":"035420","sll_buy_dvsn_cd":"02","ord_qty":"3",
                  "ord_unpr":"200000","ord_tmd":"110000","tot_ccld_qty":"0","avg_prvs":"0","cncl_yn":"N","rmn_qty":"3"},
                 {"ord_dt":"20250305","odno":"0000117060","pdno":"035420","sll_buy_dvsn_cd":"02","ord_qty":"3",
                  "ord_unpr":"200000","ord_tmd":"090000","tot_ccld_qty":"0","avg_prvs":"0","cncl_yn":"Y","rmn_qty":"0"}],
                 "output2":{"tot_ord_qty":"21","tot_ccld_qty":"12","tot_ccld_amt":"1059500","prsm_tlex_smtl":"0","pchs_avg_pric":"0"}}""");
        ResponseContext window = new ResponseContext(null, "1234****-01", null,
                Instant.parse("2025-03-04T00:00:00Z"), Instant.parse("2025-03-04T15:00:00Z"),
                Instant.parse("2025-03-05T09:00:00Z"));

        List<OrderRecord> orders = ResponseFormats.KIS.records(DataType.ORDERS, raw, window).orders();

        assertEquals(3, orders.size(), "the 03-05 order lies outside the window");
        assertEquals(List.of("buy", "sell", "buy"), orders.stream().map(OrderRecord::side).toList());
        assertEquals(List.of("filled", "partially_filled", "open"), orders.stream().map(OrderRecord::status).toList());
        assertEquals(Instant.parse("2025-03-04T00:30:15Z"), orders.get(0).orderedAt());
        assertEquals(new BigDecimal("69950"), orders.get(0).filledPrice());
        assertNull(orders.get(2).filledPrice());
    }
}
