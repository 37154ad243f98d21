package dev.marketpipe.collector.provider.kis;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.provider.AccessTokens;
import dev.marketpipe.collector.provider.BarsPage;
import dev.marketpipe.collector.provider.BarsQuery;
import dev.marketpipe.collector.provider.ProviderException;
import dev.marketpipe.collector.provider.SecuritiesApiClient;
import dev.marketpipe.collector.provider.SnapshotPage;
import dev.marketpipe.collector.provider.SnapshotQuery;
import dev.marketpipe.collector.testing.MutableClock;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.Position;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.marketpipe.collector.provider.kis.KisFixtures.SYMBOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The KIS adapter against a WireMock KIS built from the official samples' field lists: the headers of every call,
 * paging back from the newest minute, the minute in progress, string numbers, the cumulative traded value, the
 * {@code msg_cd} classification whatever the HTTP status, the shared token, {@code tr_cont} paging.
 */
@QuarkusTest
@TestProfile(KisProviderTest.KisProfile.class)
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class KisProviderTest {

    static final String APP_KEY = "PSkisAppKey0000001";
    static final String APP_SECRET = "kisAppSecret000000001";
    static final String TOKEN_PATH = WireMockResource.KIS + "/oauth2/tokenP";
    static final String QUOTATIONS = WireMockResource.KIS + "/uapi/domestic-stock/v1/quotations/";
    static final String TRADING = WireMockResource.KIS + "/uapi/domestic-stock/v1/trading/";
    static final LocalDate DAY = LocalDate.of(2025, 3, 4);

    public static class KisProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.collector.api.provider", "kis",
                    "marketpipe.collector.api.name", "kis",
                    "marketpipe.collector.api.app-key", APP_KEY,
                    "marketpipe.collector.api.app-secret", APP_SECRET,
                    "marketpipe.collector.kis.account", "12345678-01");
        }
    }

    private static final AtomicInteger TESTS = new AtomicInteger();

    WireMockServer wireMock;

    @Inject
    SecuritiesApiClient client;

    @Inject
    AccessTokens tokens;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    DataSource dataSource;

    private MutableClock clock;

    @BeforeEach
    void reset() throws SQLException {
        wireMock.resetAll();
        breakers.resetAll();
        execute("DELETE FROM collector.provider_token");
        // every test starts holding a fresh token kis-tok-1, requested well before the test's own instants
        clock = new MutableClock(Instant.parse("2020-01-01T00:00:00Z").plus(Duration.ofHours(TESTS.incrementAndGet())));
        QuarkusMock.installMockForType(clock, MarketClock.class);
        wireMock.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(okJson(KisFixtures.token("kis-tok-1", "2099-12-31 23:59:59"))));
        tokens.invalidate(tokens.token());
        clock.advance(Duration.ofMinutes(2));
        assertEquals("kis-tok-1", tokens.token());
        wireMock.resetRequests();
    }

    @Test
    void everyCallCarriesTheKisHeadersAndTheOrderBookIsReadFromOutput1() {
        clock.now = kst(DAY, 10, 15).plusSeconds(3);
        wireMock.stubFor(get(urlPathEqualTo(QUOTATIONS + "inquire-asking-price-exp-ccn"))
                .willReturn(okJson(KisFixtures.orderBook("101502"))));

        SnapshotPage page = client.fetchSnapshot(SnapshotQuery.orderBook(SYMBOL), new AtomicInteger());

        LoggedRequest request = only(getRequestedFor(urlPathEqualTo(QUOTATIONS + "inquire-asking-price-exp-ccn")));
        assertEquals("Bearer kis-tok-1", request.getHeader("authorization"));
        assertEquals(APP_KEY, request.getHeader("appkey"));
        assertEquals(APP_SECRET, request.getHeader("appsecret"));
        assertEquals("FHKST01010200", request.getHeader("tr_id"));
        assertEquals("P", request.getHeader("custtype"));
        assertEquals("", request.getHeader("tr_cont"));
        assertEquals("J", request.queryParameter("FID_COND_MRKT_DIV_CODE").firstValue());
        assertEquals(SYMBOL, request.queryParameter("FID_INPUT_ISCD").firstValue());
        OrderBookSnapshot book = page.records().orderBooks().get(0);
        assertEquals(SYMBOL, book.symbol());
        assertEquals(kst(DAY, 10, 15).plusSeconds(2), book.timestamp());
        assertEquals(10, book.bids().size());
        assertEquals(new BigDecimal("70100"), book.asks().get(0).price());
        assertEquals(200L, book.bids().get(0).quantity());
        assertNull(page.next());
    }

    @Test
    void todaysMinuteBarsArePagedBackFromTheOldestRowAndTheMinuteInProgressIsNoBar() {
        clock.now = kst(DAY, 10, 0).plusSeconds(20);
        stubMinutes("inquire-time-itemchartprice", "100000", 31, 60);
        stubMinutes("inquire-time-itemchartprice", "093100", 2, 31);
        stubMinutes("inquire-time-itemchartprice", "090200", 0, 2);

        List<Bar> bars = collect(new BarsQuery(SYMBOL, BarInterval.ONE_MINUTE, kst(DAY, 9, 0).toString(),
                kst(DAY, 10, 1).toString(), 1));

        assertEquals(60, bars.size(), "09:00..09:59; 10:00 was still trading");
        for (int m = 0; m < 60; m++) {
            Bar bar = bars.get(m);
            assertEquals(kst(DAY, 9, 0).plusSeconds(60L * m), bar.timestamp());
            assertEquals(SYMBOL, bar.symbol());
            assertEquals(BigDecimal.valueOf(KisFixtures.close(m)), bar.close());
            assertEquals(KisFixtures.volume(m), bar.volume());
            assertEquals(BigDecimal.valueOf(KisFixtures.volume(m) * KisFixtures.close(m)), bar.value(),
                    "the minute's value is the difference of the cumulative acml_tr_pbmn");
        }
        List<String> hours = wireMock.findAll(getRequestedFor(urlPathEqualTo(QUOTATIONS + "inquire-time-itemchartprice")))
                .stream().map(r -> r.queryParameter("FID_INPUT_HOUR_1").firstValue()).toList();
        assertEquals(List.of("100000", "093100", "090200"), hours);
    }

    @Test
    void aPastDayIsAskedOfThePastMinutesTrFromTheSessionsLastMinute() {
        clock.now = kst(DAY.plusDays(1), 8, 0);
        stubMinutes("inquire-time-dailychartprice", "152900", 270, 389);

        BarsPage page = client.fetchBars(new BarsQuery(SYMBOL, BarInterval.ONE_MINUTE, kst(DAY, 13, 30).toString(),
                "2025-03-04", 1), new AtomicInteger());

        LoggedRequest request = only(getRequestedFor(urlPathEqualTo(QUOTATIONS + "inquire-time-dailychartprice")));
        assertEquals("FHKST03010230", request.getHeader("tr_id"));
        assertEquals("20250304", request.queryParameter("FID_INPUT_DATE_1").firstValue());
        assertEquals("152900", request.queryParameter("FID_INPUT_HOUR_1").firstValue());
        assertEquals(119, page.bars().size(), "13:31..15:29");
        assertEquals(Instant.parse("2025-03-04T04:30:00Z").plusSeconds(60), page.bars().get(0).timestamp());
        assertEquals("20250304133000", page.next().cursor());
    }

    @Test
    void fiveMinuteBarsAreBuiltFromTheMinutesOfTheirBucket() {
        clock.now = kst(DAY, 9, 10).plusSeconds(5);
        stubMinutes("inquire-time-itemchartprice", "091400", 0, 10);

        List<Bar> bars = collect(new BarsQuery(SYMBOL, BarInterval.FIVE_MINUTES, kst(DAY, 9, 0).toString(),
                kst(DAY, 9, 15).toString(), 1));

        assertEquals(2, bars.size(), "09:00 and 09:05; 09:10 is still trading");
        Bar second = bars.get(1);
        assertEquals(kst(DAY, 9, 5), second.timestamp());
        assertEquals(BigDecimal.valueOf(KisFixtures.close(4)), second.open());
        assertEquals(BigDecimal.valueOf(KisFixtures.close(9)), second.close());
        assertEquals(KisFixtures.volume(5) + KisFixtures.volume(6) + KisFixtures.volume(7) + KisFixtures.volume(8)
                + KisFixtures.volume(9), second.volume());
        assertEquals(BigDecimal.valueOf(KisFixtures.cumulativeValue(9) - KisFixtures.cumulativeValue(4)),
                second.value());
    }

    @Test
    void dailyBarsCarryOriginalPricesAndTheAdjustedCloseAndTodaysBarIsNotFinalWhileTheSessionRuns() {
        clock.now = kst(DAY, 14, 0);
        wireMock.stubFor(get(urlPathEqualTo(QUOTATIONS + "inquire-daily-itemchartprice"))
                .withQueryParam("FID_ORG_ADJ_PRC", equalTo("1"))
                .willReturn(okJson(KisFixtures.dailyPage(DAY.minusDays(1), DAY))));
        wireMock.stubFor(get(urlPathEqualTo(QUOTATIONS + "inquire-daily-itemchartprice"))
                .withQueryParam("FID_ORG_ADJ_PRC", equalTo("0"))
                .willReturn(okJson(KisFixtures.dailyPage("35050", DAY.minusDays(1), DAY))));

        BarsPage page = client.fetchBars(new BarsQuery(SYMBOL, BarInterval.ONE_DAY, "2025-03-03", "2025-03-04", 1),
                new AtomicInteger());

        List<LoggedRequest> requests = wireMock.findAll(getRequestedFor(urlPathEqualTo(QUOTATIONS
                + "inquire-daily-itemchartprice")));
        assertEquals(List.of("1", "0"), requests.stream()
                .map(r -> r.queryParameter("FID_ORG_ADJ_PRC").firstValue()).toList(), "original, then adjusted");
        LoggedRequest request = requests.get(0);
        assertEquals("FHKST03010100", request.getHeader("tr_id"));
        assertEquals("20250303", request.queryParameter("FID_INPUT_DATE_1").firstValue());
        assertEquals("20250304", request.queryParameter("FID_INPUT_DATE_2").firstValue());
        assertEquals("D", request.queryParameter("FID_PERIOD_DIV_CODE").firstValue());
        assertEquals(1, page.bars().size(), "03-04 still trading at 14:00");
        Bar bar = page.bars().get(0);
        assertEquals(kst(DAY.minusDays(1), 9, 0), bar.timestamp());
        assertEquals(new BigDecimal("1051500000000"), bar.value());
        assertEquals(new BigDecimal("70100"), bar.close());
        assertEquals(new BigDecimal("35050"), bar.adjClose());
        assertEquals(List.of("original", "adjusted"), iterable(page.rawResponse().fieldNames()),
                "both answers archived as received");
        assertNull(page.next());
    }

    @Test
    void aRateLimitOnHttp500IsRetriedWithBackoff() {
        clock.now = kst(DAY, 10, 15);
        String path = QUOTATIONS + "inquire-asking-price-exp-ccn";
        wireMock.stubFor(inScenario(get(urlPathEqualTo(path)), Scenario.STARTED, "limited")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(KisFixtures.error("EGW00201", "초당 거래건수를 초과하였습니다."))));
        wireMock.stubFor(inScenario(get(urlPathEqualTo(path)), "limited", "done")
                .willReturn(okJson(KisFixtures.orderBook("101500"))));

        AtomicInteger attempts = new AtomicInteger();
        client.fetchSnapshot(SnapshotQuery.orderBook(SYMBOL), attempts);

        assertEquals(2, attempts.get());
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheCallRepeated() {
        clock.now = kst(DAY, 10, 15);
        String path = QUOTATIONS + "inquire-asking-price-exp-ccn";
        wireMock.stubFor(inScenario(get(urlPathEqualTo(path)), Scenario.STARTED, "expired")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(KisFixtures.error("EGW00123", "기간이 만료된 token 입니다."))));
        wireMock.stubFor(inScenario(get(urlPathEqualTo(path)), "expired", "renewed")
                .willReturn(okJson(KisFixtures.orderBook("101500"))));
        wireMock.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(okJson(KisFixtures.token("kis-tok-2", "2099-12-31 23:59:59"))));

        AtomicInteger attempts = new AtomicInteger();
        client.fetchSnapshot(SnapshotQuery.orderBook(SYMBOL), attempts);

        assertEquals(1, attempts.get(), "renewed within the attempt");
        wireMock.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        List<LoggedRequest> calls = wireMock.findAll(getRequestedFor(urlPathEqualTo(path)));
        assertEquals(List.of("Bearer kis-tok-1", "Bearer kis-tok-2"),
                calls.stream().map(r -> r.getHeader("authorization")).toList());
    }

    @Test
    void anInvalidRequestIsRefusedWithoutRetryWhateverItsHttpStatus() {
        clock.now = kst(DAY, 10, 15);
        wireMock.stubFor(get(urlPathEqualTo(QUOTATIONS + "inquire-asking-price-exp-ccn"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(KisFixtures.error("OPSQ2001", "ERROR : INPUT INVALID_CHECK_MRKT_DIV_CODE"))));

        ProviderException.Rejected refused = assertThrows(ProviderException.Rejected.class,
                () -> client.fetchSnapshot(SnapshotQuery.orderBook(SYMBOL), new AtomicInteger()));

        assertTrue(refused.getMessage().contains("OPSQ2001"), refused.getMessage());
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(QUOTATIONS + "inquire-asking-price-exp-ccn")));
    }

    @Test
    void aSuccessStatusWithAnErrorCodeIsNoSuccess() {
        clock.now = kst(DAY, 10, 15);
        wireMock.stubFor(get(urlPathEqualTo(QUOTATIONS + "inquire-asking-price-exp-ccn"))
                .willReturn(okJson(KisFixtures.error("OPSQ2002", "없는 서비스 코드 입니다"))));

        assertThrows(ProviderException.Rejected.class,
                () -> client.fetchSnapshot(SnapshotQuery.orderBook(SYMBOL), new AtomicInteger()));
    }

    @Test
    void theTokenIsStoredEncryptedAndSharedWithAnotherReplicaWithoutAnotherIssuance() throws SQLException {
        String cipher = queryString("SELECT token_cipher FROM collector.provider_token WHERE provider = 'kis'");
        assertFalse(cipher.contains("kis-tok-1"));

        KisTokenIssuer otherReplica = issuer();
        AccessTokens.Issued shared = otherReplica.issue(null);

        assertEquals("kis-tok-1", shared.value());
        assertFalse(shared.requested());
        wireMock.verify(0, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void aTokenIsRequestedAtMostOnceAMinuteAcrossReplicasFailedRequestsIncluded() throws SQLException {
        clock.now = kst(DAY, 10, 15);
        wireMock.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error_description\":\"접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)\",\"error_code\":\"EGW00133\"}")));
        KisTokenIssuer replicaA = issuer();
        KisTokenIssuer replicaB = issuer();

        assertThrows(ProviderException.AuthenticationFailed.class, () -> replicaA.issue("kis-tok-1"));
        ProviderException.AuthenticationFailed throttled = assertThrows(ProviderException.AuthenticationFailed.class,
                () -> replicaB.issue("kis-tok-1"));

        assertTrue(throttled.getMessage().contains("one token a minute"), throttled.getMessage());
        wireMock.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        clock.advance(Duration.ofSeconds(61));
        wireMock.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(okJson(KisFixtures.token("kis-tok-3", "2099-12-31 23:59:59"))));
        assertEquals("kis-tok-3", replicaB.issue("kis-tok-1").value());
    }

    @Test
    void positionsFollowTrContAndPassTheContinuationKeysBackUnchanged() {
        clock.now = kst(DAY, 10, 15);
        String path = TRADING + "inquire-balance";
        wireMock.stubFor(get(urlPathEqualTo(path)).atPriority(5)
                .willReturn(okJson(KisFixtures.balance("12345678^01^page2   ", "NK2  ", "005930", "000660"))
                        .withHeader("tr_cont", "M")));
        wireMock.stubFor(get(urlPathEqualTo(path)).atPriority(1).withHeader("tr_cont", equalTo("N"))
                .willReturn(okJson(KisFixtures.balance("", "", "035420")).withHeader("tr_cont", "D")));

        SnapshotPage first = client.fetchSnapshot(SnapshotQuery.positions(), new AtomicInteger());
        SnapshotPage second = client.fetchSnapshot(first.next(), new AtomicInteger());

        List<LoggedRequest> calls = wireMock.findAll(getRequestedFor(urlPathEqualTo(path)));
        assertEquals("TTTC8434R", calls.get(0).getHeader("tr_id"));
        assertEquals("12345678", calls.get(0).queryParameter("CANO").firstValue());
        assertEquals("01", calls.get(0).queryParameter("ACNT_PRDT_CD").firstValue());
        assertEquals("12345678^01^page2   ", calls.get(1).queryParameter("CTX_AREA_FK100").firstValue());
        assertEquals("NK2  ", calls.get(1).queryParameter("CTX_AREA_NK100").firstValue());
        List<String> symbols = new ArrayList<>();
        first.records().positions().forEach(p -> symbols.add(p.symbol()));
        second.records().positions().forEach(p -> symbols.add(p.symbol()));
        assertEquals(List.of("005930", "000660", "035420"), symbols);
        Position position = second.records().positions().get(0);
        assertEquals(10L, position.quantity());
        assertEquals(new BigDecimal("68000.0000"), position.averagePrice());
        assertNull(second.next());
    }

    @Test
    void theAccountNumberLeavesTheAdapterMasked() {
        clock.now = kst(DAY, 10, 15);
        wireMock.stubFor(get(urlPathEqualTo(TRADING + "inquire-balance"))
                .willReturn(okJson(KisFixtures.balance("", "", "005930")).withHeader("tr_cont", "D")));

        SnapshotPage page = client.fetchSnapshot(SnapshotQuery.accountInfo(), new AtomicInteger());

        assertEquals("1234****-01", page.records().accounts().get(0).accountMasked());
        assertEquals(new BigDecimal("1000000"), page.records().accounts().get(0).cash());
        assertEquals(1, page.records().accounts().get(0).positionCount());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private List<Bar> collect(BarsQuery first) {
        List<Bar> bars = new ArrayList<>();
        for (BarsQuery query = first; query != null; ) {
            BarsPage page = client.fetchBars(query, new AtomicInteger());
            bars.addAll(page.bars());
            query = page.next();
        }
        bars.sort((a, b) -> a.timestamp().compareTo(b.timestamp()));
        return bars;
    }

    private void stubMinutes(String api, String hour, int from, int to) {
        wireMock.stubFor(get(urlPathEqualTo(QUOTATIONS + api)).withQueryParam("FID_INPUT_HOUR_1", equalTo(hour))
                .willReturn(okJson(KisFixtures.minutePage(DAY, from, to))));
    }

    private static MappingBuilder inScenario(MappingBuilder stub, String state, String next) {
        return stub.inScenario("kis").whenScenarioStateIs(state).willSetStateTo(next);
    }

    private LoggedRequest only(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
        List<LoggedRequest> requests = wireMock.findAll(pattern);
        assertEquals(1, requests.size());
        return requests.get(0);
    }

    private KisTokenIssuer issuer() {
        KisRestClient api = io.quarkus.rest.client.reactive.QuarkusRestClientBuilder.newBuilder()
                .baseUri(java.net.URI.create(wireMock.baseUrl() + WireMockResource.KIS)).build(KisRestClient.class);
        return new KisTokenIssuer(api, new KisTokenStore(dataSource, "kis", APP_SECRET),
                dev.marketpipe.collector.budget.RateBudget.unlimited("kis-test", new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
                APP_KEY, APP_SECRET, Duration.ofMinutes(5), Duration.ofSeconds(60), clock);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String queryString(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    static Instant kst(LocalDate date, int hour, int minute) {
        return LocalDateTime.of(date, java.time.LocalTime.of(hour, minute)).atZone(dev.marketpipe.provider.kis.KisTimes.KST).toInstant();
    }
}
