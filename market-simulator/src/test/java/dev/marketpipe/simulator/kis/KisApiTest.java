package dev.marketpipe.simulator.kis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.AccountGenerator;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The simulator speaks the KIS Open API from the same market as the spec API: KIS paths, headers, string numbers,
 * newest-first pages, cumulative traded value, {@code tr_cont} paging with padded keys, {@code msg_cd} errors on
 * HTTP 500, the token rules.
 */
@QuarkusTest
class KisApiTest {

    private static final BarGenerator TRUTH = new BarGenerator(42, MarketCalendar.krx(), 0.0);
    private static final LocalDate DAY = LocalDate.of(2025, 3, 4);
    private static final String QUOTATIONS = "/uapi/domestic-stock/v1/quotations/";
    private static final String TRADING = "/uapi/domestic-stock/v1/trading/";
    private static final String CREDENTIALS =
            "{\"grant_type\":\"client_credentials\",\"appkey\":\"demo-app-key\",\"appsecret\":\"demo-app-secret\"}";
    /** KIS issues one token a minute: the tests share one. */
    private static String token;

    @AfterEach
    void resetFaults() {
        given().delete("/simulator/faults").then().statusCode(204);
    }

    static synchronized String token() {
        if (token == null) {
            token = given().contentType(ContentType.JSON).body(CREDENTIALS).post("/oauth2/tokenP")
                    .then().statusCode(200).extract().path("access_token");
        }
        return token;
    }

    static RequestSpecification kis(String trId) {
        return given().header("authorization", "Bearer " + token()).header("appkey", "demo-app-key")
                .header("appsecret", "demo-app-secret").header("tr_id", trId).header("custtype", "P")
                .header("tr_cont", "");
    }

    @Test
    void aTokenIsIssuedForADayWithItsKstExpiryAndASecondRequestWithinAMinuteIsRefused() {
        token();
        given().contentType(ContentType.JSON).body(CREDENTIALS).post("/oauth2/tokenP");
        given().contentType(ContentType.JSON).body(CREDENTIALS).post("/oauth2/tokenP")
                .then().statusCode(403).body("error_code", equalTo("EGW00133"));
        given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\",\"appkey\":\"demo-app-key\",\"appsecret\":\"guess\"}")
                .post("/oauth2/tokenP").then().statusCode(403).body("error_code", equalTo("EGW00103"));
    }

    @Test
    void aPastDaysMinutesComeNewestFirstWithStringNumbersAndACumulativeTradedValue() {
        JsonPath answer = kis("FHKST03010230")
                .queryParams(Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930",
                        "FID_INPUT_HOUR_1", "152900", "FID_INPUT_DATE_1", "20250304", "FID_PW_DATA_INCU_YN", "N",
                        "FID_FAKE_TICK_INCU_YN", ""))
                .get(QUOTATIONS + "inquire-time-dailychartprice").then().log().ifValidationFails().statusCode(200)
                .body("rt_cd", equalTo("0")).extract().jsonPath();

        List<Map<String, String>> rows = answer.getList("output2");
        List<Bar> truth = TRUTH.servedBars("005930", BarInterval.ONE_MINUTE, DAY);
        assertEquals(120, rows.size());
        assertEquals("20250304", rows.get(0).get("stck_bsop_date"));
        assertEquals("152900", rows.get(0).get("stck_cntg_hour"));
        assertEquals("133000", rows.get(119).get("stck_cntg_hour"));
        for (int i = 0; i < 119; i++) {
            Bar bar = truth.get(389 - i);
            Map<String, String> row = rows.get(i);
            assertEquals(bar.close().toPlainString(), row.get("stck_prpr"));
            assertEquals(bar.volume().toString(), row.get("cntg_vol"));
            BigDecimal minuteValue = new BigDecimal(row.get("acml_tr_pbmn"))
                    .subtract(new BigDecimal(rows.get(i + 1).get("acml_tr_pbmn")));
            assertEquals(0, bar.value().compareTo(minuteValue), row.get("stck_cntg_hour"));
        }
    }

    @Test
    void dailyBarsComeNewestFirstForTheAskedDates() {
        JsonPath answer = kis("FHKST03010100")
                .queryParams(Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "000660",
                        "FID_INPUT_DATE_1", "20250304", "FID_INPUT_DATE_2", "20250307", "FID_PERIOD_DIV_CODE", "D",
                        "FID_ORG_ADJ_PRC", "1"))
                .get(QUOTATIONS + "inquire-daily-itemchartprice").then().statusCode(200).extract().jsonPath();

        List<Map<String, String>> rows = answer.getList("output2");
        assertEquals(List.of("20250307", "20250306", "20250305", "20250304"),
                rows.stream().map(r -> r.get("stck_bsop_date")).toList());
        Bar friday = TRUTH.servedBars("000660", BarInterval.ONE_DAY, LocalDate.of(2025, 3, 7)).get(0);
        assertEquals(friday.close().toPlainString(), rows.get(0).get("stck_clpr"));
        assertEquals(friday.value().toPlainString(), rows.get(0).get("acml_tr_pbmn"));
    }

    @Test
    void ordersArePagedWithTrContAndTheirKeysMustComeBackUnchanged() {
        AccountGenerator accounts = new AccountGenerator(TRUTH, List.of("005930", "000660", "035420", "005380",
                "051910", "006400", "035720", "000270", "068270", "105560", "055550", "012330", "028260", "066570",
                "003550", "096770", "017670", "034730", "015760", "032830"), "12345678-01");
        int expected = 0;
        for (LocalDate d = LocalDate.of(2025, 3, 3); !d.isAfter(LocalDate.of(2025, 3, 14)); d = d.plusDays(1)) {
            expected += accounts.orders(d).size();
        }
        Map<String, String> query = Map.of("CANO", "12345678", "ACNT_PRDT_CD", "01", "INQR_STRT_DT", "20250303",
                "INQR_END_DT", "20250314");
        Response first = kis("TTTC0081R").queryParams(query).get(TRADING + "inquire-daily-ccld");
        assertEquals("F", first.header("tr_cont"));
        String fk = first.jsonPath().getString("ctx_area_fk100");
        String nk = first.jsonPath().getString("ctx_area_nk100");
        assertEquals(100, nk.length(), "a 100-character key with trailing spaces");

        kis("TTTC0081R").header("tr_cont", "N").queryParams(query)
                .queryParam("CTX_AREA_FK100", fk.strip()).queryParam("CTX_AREA_NK100", nk.strip())
                .get(TRADING + "inquire-daily-ccld").then().statusCode(500).body("msg_cd", equalTo("OPSQ2001"));

        int served = first.jsonPath().getList("output1").size();
        Response next = first;
        while (!List.of("D", "E").contains(next.header("tr_cont"))) {
            next = given().spec(kis("TTTC0081R")).header("tr_cont", "N").queryParams(query)
                    .queryParam("CTX_AREA_FK100", next.jsonPath().getString("ctx_area_fk100"))
                    .queryParam("CTX_AREA_NK100", next.jsonPath().getString("ctx_area_nk100"))
                    .get(TRADING + "inquire-daily-ccld");
            served += next.jsonPath().getList("output1").size();
        }
        assertTrue(expected > 100, "the window holds more than one page: " + expected);
        assertEquals(expected, served);
    }

    @Test
    void theBalanceRefusesAnotherAccountAndAnUnknownTrId() {
        kis("TTTC8434R").queryParams(Map.of("CANO", "87654321", "ACNT_PRDT_CD", "01"))
                .get(TRADING + "inquire-balance").then().statusCode(500)
                .body("rt_cd", equalTo("1")).body("msg_cd", equalTo("OPSQ2001"));
        kis("TTTC9999R").queryParams(Map.of("CANO", "12345678", "ACNT_PRDT_CD", "01"))
                .get(TRADING + "inquire-balance").then().statusCode(500).body("msg_cd", equalTo("OPSQ0002"));
        kis("VTTC8434R").queryParams(Map.of("CANO", "12345678", "ACNT_PRDT_CD", "01"))
                .get(TRADING + "inquire-balance").then().statusCode(200).header("tr_cont", "D")
                .body("output2[0].dnca_tot_amt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aCallWithoutAValidTokenOrAppKeyIsRefusedWithKisCodesOnHttp500() {
        given().header("authorization", "Bearer not-a-token").header("appkey", "demo-app-key")
                .header("appsecret", "demo-app-secret").header("tr_id", "FHKST01010200").header("custtype", "P")
                .queryParams(Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930"))
                .get(QUOTATIONS + "inquire-asking-price-exp-ccn").then().statusCode(500)
                .body("msg_cd", equalTo("EGW00121"));
        given().header("authorization", "Bearer " + token()).header("tr_id", "FHKST01010200")
                .header("custtype", "P").queryParams(Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930"))
                .get(QUOTATIONS + "inquire-asking-price-exp-ccn").then().statusCode(500)
                .body("msg_cd", equalTo("EGW00103"));
    }

    @Test
    void anInjectedRateLimitIsAnsweredTheKisWay() {
        given().contentType(ContentType.JSON).body("{\"status\":429,\"count\":1}").put("/simulator/faults")
                .then().statusCode(200);

        kis("FHKST01010200").queryParams(Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930"))
                .get(QUOTATIONS + "inquire-asking-price-exp-ccn").then().statusCode(500)
                .body("msg_cd", equalTo("EGW00201"));
        kis("FHKST01010200").queryParams(Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930"))
                .get(QUOTATIONS + "inquire-asking-price-exp-ccn").then().statusCode(200)
                .body("output1.askp1", org.hamcrest.Matchers.matchesPattern("\\d+"));
    }
}
