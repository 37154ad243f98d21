package dev.marketpipe.collector;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Canned answers of the securities API and the archive for collector tests. */
final class ApiStubs {

    static final String TWO_BARS = """
            {"status":"success","data":[
              {"timestamp":"2025-03-04T00:00:00Z","symbol":"005930","open":75000,"high":75500,"low":74800,"close":75200,"volume":1500,"value":112800000},
              {"timestamp":"2025-03-04T00:01:00Z","symbol":"005930","open":75200,"high":75300,"low":75100,"close":75100,"volume":900,"value":67590000}
            ],"meta":{"total_records":2,"page":1,"total_pages":1,"limit":1000}}""";

    /** Path prefix of the backup securities API on the same WireMock server. */
    static final String BACKUP = "/backup";

    private ApiStubs() {
    }

    static void reset(WireMockServer wireMock) {
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
