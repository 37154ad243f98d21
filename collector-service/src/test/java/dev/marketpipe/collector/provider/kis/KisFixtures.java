package dev.marketpipe.collector.provider.kis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * KIS answers written from the official samples' field lists ({@code koreainvestment/open-trading-api},
 * {@code examples_llm/domestic_stock/*}): every number a string, times as {@code HHMMSS} KST, newest first.
 */
final class KisFixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String SYMBOL = "005930";
    static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private KisFixtures() {
    }

    /** The price of minute {@code m} (0 = 09:00) of the fixture market: deterministic, on the 100-won grid. */
    static long close(int m) {
        return 70_000 + 100L * ((m * 7) % 13);
    }

    static long volume(int m) {
        return 1_000 + (m * 37) % 500;
    }

    /** The day's traded value up to and including minute {@code m}. */
    static long cumulativeValue(int m) {
        long sum = 0;
        for (int i = 0; i <= m; i++) {
            sum += volume(i) * close(i);
        }
        return sum;
    }

    /** Minute bars {@code FHKST03010200}/{@code 230}: minutes {@code to} down to {@code from} (0 = 09:00), newest first. */
    static String minutePage(LocalDate date, int from, int to) {
        ObjectNode root = ok();
        ObjectNode output1 = root.putObject("output1");
        output1.put("prdy_vrss", "-300").put("prdy_vrss_sign", "5").put("prdy_ctrt", "-0.42")
                .put("stck_prdy_clpr", "70300").put("acml_vol", "123456").put("acml_tr_pbmn", "8640000000")
                .put("hts_kor_isnm", "삼성전자").put("stck_prpr", Long.toString(close(to)));
        ArrayNode output2 = root.putArray("output2");
        for (int m = to; m >= from; m--) {
            long open = m == 0 ? close(0) : close(m - 1);
            output2.addObject()
                    .put("stck_bsop_date", DATE.format(date))
                    .put("stck_cntg_hour", TIME.format(LocalTime.of(9, 0).plusMinutes(m)))
                    .put("stck_prpr", Long.toString(close(m)))
                    .put("stck_oprc", Long.toString(open))
                    .put("stck_hgpr", Long.toString(Math.max(open, close(m)) + 100))
                    .put("stck_lwpr", Long.toString(Math.min(open, close(m)) - 100))
                    .put("cntg_vol", Long.toString(volume(m)))
                    .put("acml_tr_pbmn", Long.toString(cumulativeValue(m)));
        }
        return root.toString();
    }

    /** Daily bars {@code FHKST03010100} of {@code dates}, newest first, original prices. */
    static String dailyPage(LocalDate... dates) {
        return dailyPage("70100", dates);
    }

    /** Daily bars of {@code dates} closing at {@code close} (adjusted prices differ from the original ones). */
    static String dailyPage(String close, LocalDate... dates) {
        ObjectNode root = ok();
        root.putObject("output1").put("stck_prpr", "70000").put("hts_kor_isnm", "삼성전자");
        ArrayNode output2 = root.putArray("output2");
        for (int i = dates.length - 1; i >= 0; i--) {
            output2.addObject()
                    .put("stck_bsop_date", DATE.format(dates[i]))
                    .put("stck_clpr", close).put("stck_oprc", "69800").put("stck_hgpr", "70500")
                    .put("stck_lwpr", "69500").put("acml_vol", "15000000").put("acml_tr_pbmn", "1051500000000")
                    .put("flng_cls_code", "00").put("prtt_rate", "0.00").put("mod_yn", "N")
                    .put("prdy_vrss_sign", "2").put("prdy_vrss", "300").put("revl_issu_reas", "");
        }
        return root.toString();
    }

    /** Order book {@code FHKST01010200}: 10 levels each side around 70,000. */
    static String orderBook(String acceptedAt) {
        ObjectNode root = ok();
        ObjectNode book = root.putObject("output1").put("aspr_acpt_hour", acceptedAt);
        for (int i = 1; i <= 10; i++) {
            book.put("askp" + i, Long.toString(70_000 + 100L * i)).put("bidp" + i, Long.toString(70_000 - 100L * (i - 1)))
                    .put("askp_rsqn" + i, Long.toString(100L * i)).put("bidp_rsqn" + i, Long.toString(200L * i))
                    .put("askp_rsqn_icdc" + i, "0").put("bidp_rsqn_icdc" + i, "0");
        }
        book.put("total_askp_rsqn", "5500").put("total_bidp_rsqn", "11000");
        root.putObject("output2").put("antc_cnpr", "0").put("stck_prpr", "70000").put("stck_shrn_iscd", SYMBOL);
        return root.toString();
    }

    /** Balance {@code TTTC8434R}: one page of positions and the account summary, with its continuation keys. */
    static String balance(String fk100, String nk100, String... symbols) {
        ObjectNode root = ok();
        root.put("ctx_area_fk100", fk100).put("ctx_area_nk100", nk100);
        ArrayNode output1 = root.putArray("output1");
        for (String symbol : symbols) {
            output1.addObject().put("pdno", symbol).put("prdt_name", "종목" + symbol).put("hldg_qty", "10")
                    .put("ord_psbl_qty", "10").put("pchs_avg_pric", "68000.0000").put("pchs_amt", "680000")
                    .put("prpr", "70000").put("evlu_amt", "700000").put("evlu_pfls_amt", "20000")
                    .put("evlu_pfls_rt", "2.94");
        }
        root.putArray("output2").addObject().put("dnca_tot_amt", "1000000").put("scts_evlu_amt", "700000")
                .put("tot_evlu_amt", "1700000").put("nass_amt", "1700000");
        return root.toString();
    }

    /** An error answer as KIS sends it (on HTTP 500 as on 200). */
    static String error(String msgCd, String msg1) {
        return MAPPER.createObjectNode().put("rt_cd", "1").put("msg_cd", msgCd).put("msg1", msg1).toString();
    }

    /** The token answer of {@code POST /oauth2/tokenP}. */
    static String token(String value, String expiresKst) {
        return MAPPER.createObjectNode().put("access_token", value).put("token_type", "Bearer")
                .put("expires_in", 86400).put("access_token_token_expired", expiresKst).toString();
    }

    private static ObjectNode ok() {
        return MAPPER.createObjectNode().put("rt_cd", "0").put("msg_cd", "MCA00000").put("msg1", "정상처리 되었습니다.");
    }
}
