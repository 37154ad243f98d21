package dev.marketpipe.collector.testing;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Canned answers of the securities API and the archive for collector tests. */
public final class ApiStubs {

    public static final String TWO_BARS = """
            {"status":"success","data":[
              {"timestamp":"2025-03-04T00:00:00Z","symbol":"005930","open":75000,"high":75500,"low":74800,"close":75200,"volume":1500,"value":112800000},
              {"timestamp":"2025-03-04T00:01:00Z","symbol":"005930","open":75200,"high":75300,"low":75100,"close":75100,"volume":900,"value":67590000}
            ],"meta":{"total_records":2,"page":1,"total_pages":1,"limit":1000}}""";

    /** Path prefix of the backup securities API on the same WireMock server. */
    /** Order-book, account-info and positions answers of the {@code spec} provider's API. */
    public static final String BOOK = """
            {"symbol":"005930","timestamp":"2025-03-04T01:00:10Z",
             "bids":[{"price":75000,"quantity":1000},{"price":74900,"quantity":1500}],
             "asks":[{"price":75100,"quantity":800},{"price":75200,"quantity":1200}]}""";
    public static final String ACCOUNT = """
            {"status":"success","data":{"account_number":"12345678-01","timestamp":"2025-03-04T01:05:00Z",
             "currency":"KRW","cash_balance":50000000,"positions_value":7500000,"total_value":57500000,
             "position_count":1}}""";
    public static final String POSITIONS = """
            {"status":"success","data":[{"symbol":"005930","quantity":100,"average_price":70000,
             "current_price":75000,"market_value":7500000,"unrealized_pnl":500000}],
             "meta":{"account_number":"12345678-01","timestamp":"2025-03-04T01:05:00Z","total_records":1}}""";
    public static final String BACKUP = "/backup";

    private ApiStubs() {
    }

    public static void reset(WireMockServer wireMock) {
        wireMock.resetAll();
        wireMock.stubFor(post(urlEqualTo("/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":86400}")));
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(okJson(TWO_BARS)));
        wireMock.stubFor(post(urlEqualTo(BACKUP + "/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"backup-tok\",\"token_type\":\"Bearer\",\"expires_in\":86400}")));
        wireMock.stubFor(get(urlPathEqualTo(BACKUP + "/market/data")).willReturn(okJson(TWO_BARS)));
        wireMock.stubFor(post(urlEqualTo("/v1/collection-log")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        wireMock.stubFor(post(urlEqualTo("/v1/batches")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"batchId\":\"00000000-0000-0000-0000-000000000001\",\"archiveRef\":\"raw/x.json\","
                        + "\"sha256\":\"00\",\"bytes\":1,\"duplicate\":false}")));
    }
}
