package dev.marketpipe.collector.provider.kis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.collector.budget.WorkPriority;
import dev.marketpipe.collector.provider.AccessTokens;
import dev.marketpipe.collector.provider.BarsQuery;
import dev.marketpipe.collector.provider.ProviderAnswer;
import dev.marketpipe.collector.provider.ProviderException;
import dev.marketpipe.collector.provider.ProviderSettings;
import dev.marketpipe.collector.provider.SecuritiesProvider;
import dev.marketpipe.collector.provider.SnapshotQuery;
import dev.marketpipe.provider.ResponseContext;
import dev.marketpipe.provider.ResponseFormats;
import dev.marketpipe.provider.kis.KisDailyBars;
import dev.marketpipe.provider.kis.KisMinuteBars;
import dev.marketpipe.provider.kis.KisTimes;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.DataType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The KIS Open API (REST, domestic stocks), real or paper account. One request per call, with the headers KIS asks
 * of every call ({@code authorization}, {@code appkey}, {@code appsecret}, {@code tr_id}, {@code custtype},
 * {@code tr_cont}); answers read by {@link dev.marketpipe.provider.kis.KisFormat}, failures classified by
 * {@link KisErrors}:
 * <table>
 * <tr><th>data</th><th>tr_id</th><th>paging</th></tr>
 * <tr><td>1m/5m bars of today</td><td>{@value #TODAY_MINUTES}</td><td>30 rows back from a time</td></tr>
 * <tr><td>1m/5m bars of a past day</td><td>{@value #PAST_MINUTES}</td><td>120 rows back from a date and time</td></tr>
 * <tr><td>daily bars</td><td>{@value #DAILY}, original and adjusted prices</td><td>100 days back from a
 * date</td></tr>
 * <tr><td>order book</td><td>{@value #ORDER_BOOK}</td><td>one answer</td></tr>
 * <tr><td>account info, positions</td><td>{@value #BALANCE}</td><td>{@code tr_cont} + {@code ctx_area_*}</td></tr>
 * <tr><td>order history</td><td>{@value #ORDERS} (older than 3 months {@value #ORDERS_BEFORE})</td><td>same</td></tr>
 * </table>
 * 5-minute bars are built from 1-minute rows (KIS has none for stocks). On a paper account trading {@code tr_id}s
 * starting with T, J or C start with V instead; quotation ids are the same.
 */
final class KisProvider implements SecuritiesProvider {

    static final String TODAY_MINUTES = "FHKST03010200";
    static final String PAST_MINUTES = "FHKST03010230";
    static final String DAILY = "FHKST03010100";
    static final String ORDER_BOOK = "FHKST01010200";
    static final String BALANCE = "TTTC8434R";
    static final String ORDERS = "TTTC0081R";
    static final String ORDERS_BEFORE = "CTSC9215R";

    /** {@code FID_ORG_ADJ_PRC}: {@code 1} original prices, {@code 0} adjusted for dividends and splits. */
    private static final String ORIGINAL_PRICES = "1";
    private static final String ADJUSTED_PRICES = "0";
    private static final String QUOTATIONS = "quotations";
    private static final String TRADING = "trading";
    private static final DateTimeFormatter MINUTE_CURSOR = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** Order history older than this comes from {@value #ORDERS_BEFORE}. */
    private static final int RECENT_ORDER_MONTHS = 3;
    /** Separates {@code ctx_area_fk100} and {@code ctx_area_nk100} in a cursor (neither contains it). */
    private static final char CURSOR_SEPARATOR = '\u001F';

    private final KisRestClient api;
    private final ProviderSettings settings;
    private final KisConfig config;
    private final KisAccount account;
    private final AccessTokens tokens;

    KisProvider(KisRestClient api, ProviderSettings settings, KisConfig config, KisAccount account, AccessTokens tokens) {
        this.api = api;
        this.settings = settings;
        this.config = config;
        this.account = account;
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public Set<String> secrets() {
        return Set.copyOf(List.of(settings.requiredAppKey(), settings.requiredAppSecret(), account.number(),
                account.cano()));
    }

    @Override
    public AccessTokens tokens() {
        return tokens;
    }

    @Override
    public ProviderAnswer<List<Bar>, BarsQuery> fetchBars(BarsQuery query, Instant fetchedAt) {
        Instant start = windowStart(query.startDate());
        Instant end = windowEnd(query.endDate());
        ResponseContext context = ResponseContext.market(query.symbol(), query.interval(), start, end, fetchedAt);
        if (query.interval() == BarInterval.ONE_DAY) {
            LocalDate from = KisTimes.dateOf(start);
            LocalDate to = query.cursor() != null ? LocalDate.parse(query.cursor(), KisTimes.DATE)
                    : KisTimes.dateOf(end.minusNanos(1));
            Map<String, String> params = market(query.symbol());
            params.put("FID_INPUT_DATE_1", KisTimes.DATE.format(from));
            params.put("FID_INPUT_DATE_2", KisTimes.DATE.format(to));
            params.put("FID_PERIOD_DIV_CODE", "D");
            params.put("FID_ORG_ADJ_PRC", ORIGINAL_PRICES);
            JsonNode original = get(QUOTATIONS, "inquire-daily-itemchartprice", DAILY, null, params).body();
            params.put("FID_ORG_ADJ_PRC", ADJUSTED_PRICES);
            JsonNode adjusted = get(QUOTATIONS, "inquire-daily-itemchartprice", DAILY, null, params).body();
            JsonNode raw = KisDailyBars.pair(original, adjusted);
            BarsQuery next = KisDailyBars.nextPageEnd(raw, from).map(d -> query.next(KisTimes.DATE.format(d)))
                    .orElse(null);
            return new ProviderAnswer<>(raw, ResponseFormats.KIS.bars(raw, context), next);
        }
        Instant newest = query.cursor() != null
                ? LocalDateTime.parse(query.cursor(), MINUTE_CURSOR).atZone(KisTimes.KST).toInstant()
                : lastMinute(end);
        LocalDateTime at = LocalDateTime.ofInstant(newest, KisTimes.KST);
        boolean today = at.toLocalDate().equals(KisTimes.dateOf(fetchedAt));
        Map<String, String> params = market(query.symbol());
        params.put("FID_INPUT_HOUR_1", KisTimes.TIME.format(at));
        params.put("FID_PW_DATA_INCU_YN", "N");
        JsonNode raw;
        if (today) {
            params.put("FID_ETC_CLS_CODE", "");
            raw = get(QUOTATIONS, "inquire-time-itemchartprice", TODAY_MINUTES, null, params).body();
        } else {
            params.put("FID_INPUT_DATE_1", KisTimes.DATE.format(at));
            params.put("FID_FAKE_TICK_INCU_YN", "");
            raw = get(QUOTATIONS, "inquire-time-dailychartprice", PAST_MINUTES, null, params).body();
        }
        BarsQuery next = KisMinuteBars.nextPageEnd(raw, context)
                .map(i -> query.next(MINUTE_CURSOR.format(LocalDateTime.ofInstant(i, KisTimes.KST)))).orElse(null);
        return new ProviderAnswer<>(raw, ResponseFormats.KIS.bars(raw, context), next);
    }

    @Override
    public ProviderAnswer<BatchRecords, SnapshotQuery> fetchSnapshot(SnapshotQuery query, Instant fetchedAt) {
        Instant start = query.startDate() == null ? null : windowStart(query.startDate());
        Instant end = query.endDate() == null ? null : windowEnd(query.endDate());
        ResponseContext context = new ResponseContext(query.symbol(), account.masked(), null, start, end, fetchedAt);
        Answer answer = switch (query.dataType()) {
            case ORDERBOOK -> get(QUOTATIONS, "inquire-asking-price-exp-ccn", ORDER_BOOK, null,
                    market(query.symbol()));
            case ACCOUNT_INFO, POSITIONS -> get(TRADING, "inquire-balance", trading(BALANCE), query.cursor(),
                    balance(query.cursor()));
            case ORDERS -> get(TRADING, "inquire-daily-ccld", trading(ordersTr(start, fetchedAt)), query.cursor(),
                    orders(start, end, query.cursor()));
            case MARKET_DATA -> throw new IllegalArgumentException("bars are fetched with fetchBars");
            case TICKS -> throw new IllegalArgumentException("ticks come from the real-time feed");
        };
        SnapshotQuery next = query.dataType() != DataType.ACCOUNT_INFO && query.dataType() != DataType.ORDERBOOK
                && answer.hasMore() ? query.next(answer.cursor()) : null;
        return new ProviderAnswer<>(answer.body(),
                ResponseFormats.KIS.records(query.dataType(), answer.body(), context), next);
    }

    private Map<String, String> market(String symbol) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("FID_COND_MRKT_DIV_CODE", config.marketDivision());
        params.put("FID_INPUT_ISCD", symbol);
        return params;
    }

    private Map<String, String> balance(String cursor) {
        Map<String, String> params = accountParams();
        params.put("AFHR_FLPR_YN", "N");
        params.put("OFL_YN", "");
        params.put("INQR_DVSN", "02"); // by stock
        params.put("UNPR_DVSN", "01");
        params.put("FUND_STTL_ICLD_YN", "N");
        params.put("FNCG_AMT_AUTO_RDPT_YN", "N");
        params.put("PRCS_DVSN", "00"); // previous day's trades included
        continuation(params, cursor);
        return params;
    }

    private Map<String, String> orders(Instant start, Instant end, String cursor) {
        Map<String, String> params = accountParams();
        params.put("INQR_STRT_DT", KisTimes.DATE.format(KisTimes.dateOf(start)));
        params.put("INQR_END_DT", KisTimes.DATE.format(KisTimes.dateOf(end.minusNanos(1))));
        params.put("SLL_BUY_DVSN_CD", "00"); // sells and buys
        params.put("INQR_DVSN", "01"); // oldest first
        params.put("PDNO", "");
        params.put("CCLD_DVSN", "00"); // executed or not
        params.put("ORD_GNO_BRNO", "");
        params.put("ODNO", "");
        params.put("INQR_DVSN_3", "00");
        params.put("INQR_DVSN_1", "");
        params.put("EXCG_ID_DVSN_CD", "KRX");
        continuation(params, cursor);
        return params;
    }

    private Map<String, String> accountParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CANO", account.cano());
        params.put("ACNT_PRDT_CD", account.productCode());
        return params;
    }

    /** {@code ctx_area_fk100}/{@code nk100} of the previous answer, passed back unchanged (trailing spaces too). */
    private static void continuation(Map<String, String> params, String cursor) {
        int split = cursor == null ? -1 : cursor.indexOf(CURSOR_SEPARATOR);
        params.put("CTX_AREA_FK100", split < 0 ? "" : cursor.substring(0, split));
        params.put("CTX_AREA_NK100", split < 0 ? "" : cursor.substring(split + 1));
    }

    private static String ordersTr(Instant start, Instant now) {
        LocalDate recent = KisTimes.dateOf(now).minusMonths(RECENT_ORDER_MONTHS);
        return KisTimes.dateOf(start).isBefore(recent) ? ORDERS_BEFORE : ORDERS;
    }

    /** The paper account's id of a trading {@code tr_id}: T, J or C becomes V; quotation ids stay. */
    String trading(String trId) {
        return config.paper() && "TJC".indexOf(trId.charAt(0)) >= 0 ? "V" + trId.substring(1) : trId;
    }

    /** One request: a rate-budget token first, the token renewed once if KIS refused it. */
    private Answer get(String group, String path, String trId, String cursor, Map<String, String> params) {
        String trCont = cursor == null ? "" : "N";
        return tokens.withRenewal(token -> {
            settings.budget().acquire(WorkPriority.current());
            try (Response response = api.get(group, path, "Bearer " + token, settings.requiredAppKey(),
                    settings.requiredAppSecret(), trId, config.customerType(), trCont, params)) {
                JsonNode body = KisErrors.json(response.readEntity(String.class));
                ProviderException failure = KisErrors.classify(response.getStatus(), body,
                        response.getHeaderString(HttpHeaders.RETRY_AFTER), trId);
                if (failure != null) {
                    throw failure;
                }
                return new Answer(body, response.getHeaderString("tr_cont"));
            }
        });
    }

    /** The last minute before {@code end} that a session holds (a window ending at midnight ends at the close). */
    private static Instant lastMinute(Instant end) {
        Instant close = KisTimes.sessionClose(KisTimes.dateOf(end.minus(MINUTE)));
        return (end.isAfter(close) ? close : end).minus(MINUTE);
    }

    private static Instant windowStart(String param) {
        return param.length() == 10 ? LocalDate.parse(param).atStartOfDay(KisTimes.KST).toInstant()
                : Instant.parse(param);
    }

    /** An ISO date is inclusive (its day ends the window), an instant exclusive. */
    private static Instant windowEnd(String param) {
        return param.length() == 10 ? LocalDate.parse(param).plusDays(1).atStartOfDay(KisTimes.KST).toInstant()
                : Instant.parse(param);
    }

    /** An answer and its {@code tr_cont} header ({@code F}/{@code M}: more pages, {@code D}/{@code E}: the last). */
    private record Answer(JsonNode body, String trCont) {

        boolean hasMore() {
            return "F".equals(trCont) || "M".equals(trCont);
        }

        String cursor() {
            return body.path("ctx_area_fk100").asText("") + CURSOR_SEPARATOR + body.path("ctx_area_nk100").asText("");
        }
    }
}
