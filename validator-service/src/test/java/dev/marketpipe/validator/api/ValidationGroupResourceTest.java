package dev.marketpipe.validator.api;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.marketpipe.validator.Bars;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.BatchGroup;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.ValidatedBatch;
import dev.marketpipe.wire.ValidatedBatchGroup;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.marketpipe.validator.Bars.bar;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code POST /v1/validations/groups} end to end, with WireMock as the loader-service. */
@QuarkusTest
@WithTestResource(LoaderWireMock.class)
@TestSecurity(user = "tester", roles = {"pipeline"})
class ValidationGroupResourceTest extends LoaderStubbedTest {

    @BeforeEach
    void stubLoaderReads() {
        loader.stubFor(get(urlPathEqualTo("/v1/bars")).willReturn(okJson("[]")));
        loader.stubFor(get(urlEqualTo("/q/health/ready")).willReturn(okJson("{\"status\":\"UP\",\"checks\":[]}")));
    }

    private static CollectedBatch batchAt(String start, String end) {
        return Bars.batch(BarInterval.ONE_MINUTE, start, end, List.of(bar(start)));
    }

    private void loaderAccepts(CollectedBatch batch, int rows) {
        loader.stubFor(post(urlEqualTo("/v1/loads"))
                .withRequestBody(matchingJsonPath("$.batchId", WireMock.equalTo(batch.batchId().toString())))
                .willReturn(okJson(RECEIPT.formatted(batch.batchId(), rows, 0))));
    }

    /** The loader's answer to the group: each given result JSON in turn. */
    private void loaderAnswersGroup(String... results) {
        loader.stubFor(post(urlEqualTo("/v1/loads/groups"))
                .willReturn(okJson("{\"results\":[" + String.join(",", results) + "]}")));
    }

    private static String loadedResult(CollectedBatch batch, int rows) {
        return "{\"batchId\":\"%s\",\"status\":200,\"receipt\":%s}".formatted(batch.batchId(),
                RECEIPT.formatted(batch.batchId(), rows, 0));
    }

    /** The verdicts the loader got in its one group request, in order. */
    private List<UUID> groupLoadedInOrder() throws Exception {
        var requests = loader.findAll(postRequestedFor(urlEqualTo("/v1/loads/groups")));
        assertEquals(1, requests.size(), "one group request to the loader");
        List<UUID> ids = new ArrayList<>();
        for (ValidatedBatch verdict : json.readValue(requests.get(0).getBodyAsString(), ValidatedBatchGroup.class)
                .batches()) {
            ids.add(verdict.batchId());
        }
        return ids;
    }

    private String group(CollectedBatch... batches) throws Exception {
        return json.writeValueAsString(new BatchGroup(List.of(batches)));
    }

    private List<UUID> loadedInOrder() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (var request : loader.findAll(postRequestedFor(urlEqualTo("/v1/loads")))) {
            ids.add(json.readValue(request.getBodyAsString(), ValidatedBatch.class).batchId());
        }
        return ids;
    }

    @Test
    void eachBatchIsValidatedAndLoadedInTheOrderSentWithItsOwnReceipt() throws Exception {
        CollectedBatch first = batchAt("2025-03-04T00:00:00Z", "2025-03-04T00:01:00Z");
        CollectedBatch second = batchAt("2025-03-05T00:00:00Z", "2025-03-05T00:01:00Z");
        loaderAnswersGroup(loadedResult(first, 1), loadedResult(second, 7));

        given().contentType(ContentType.JSON).body(group(first, second))
                .when().post("/v1/validations/groups")
                .then().statusCode(200)
                .body("results", hasSize(2))
                .body("results[0].batchId", equalTo(first.batchId().toString()))
                .body("results[0].status", equalTo(200))
                .body("results[0].receipt.rowsChanged", equalTo(1))
                .body("results[1].batchId", equalTo(second.batchId().toString()))
                .body("results[1].status", equalTo(200))
                .body("results[1].receipt.rowsChanged", equalTo(7));

        assertEquals(List.of(first.batchId(), second.batchId()), groupLoadedInOrder());
        loader.verify(0, postRequestedFor(urlEqualTo("/v1/loads")));
    }

    @Test
    void aLoaderWithoutGroupsGetsTheVerdictsOneByOne() throws Exception {
        CollectedBatch first = batchAt("2025-03-04T00:00:00Z", "2025-03-04T00:01:00Z");
        CollectedBatch second = batchAt("2025-03-05T00:00:00Z", "2025-03-05T00:01:00Z");
        loader.stubFor(post(urlEqualTo("/v1/loads/groups")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Not Found\",\"status\":404}")));
        loaderAccepts(first, 1);
        loaderAccepts(second, 7);

        given().contentType(ContentType.JSON).body(group(first, second))
                .when().post("/v1/validations/groups")
                .then().statusCode(200)
                .body("results[0].receipt.rowsChanged", equalTo(1))
                .body("results[1].receipt.rowsChanged", equalTo(7));

        assertEquals(List.of(first.batchId(), second.batchId()), loadedInOrder());
    }

    @Test
    void aGroupReadsItsStoredWindowsAndPreviousClosesInOneRequestAndIsJudgedWithThem() throws Exception {
        // 2025-03-04 (previous trading day 02-28: 03-03 was a holiday) and 2025-03-05 (previous 03-04)
        CollectedBatch first = Bars.batch(BarInterval.ONE_MINUTE, "2025-03-04T00:00:00Z", "2025-03-04T00:02:00Z",
                List.of(bar("2025-03-04T00:00:00Z"), bar("2025-03-04T00:01:00Z", 10_000, 13_010, 9_900, 10_050, 10)));
        CollectedBatch second = batchAt("2025-03-05T00:00:00Z", "2025-03-05T00:01:00Z");
        String stored = "{\"timestamp\":\"2025-03-04T00:00:00Z\",\"symbol\":\"005930\",\"open\":9000,"
                + "\"high\":9100,\"low\":8900,\"close\":9050,\"volume\":5,\"value\":null}";
        String dailyOf0228 = "{\"timestamp\":\"2025-02-28T00:00:00Z\",\"symbol\":\"005930\",\"open\":9900,"
                + "\"high\":10100,\"low\":9800,\"close\":10000,\"volume\":123456,\"value\":null}";
        loader.stubFor(post(urlEqualTo("/v1/bars/windows")).willReturn(okJson("{\"windows\":["
                + window("1m", "2025-03-04T00:00:00Z", "2025-03-04T00:02:00Z", stored) + ","
                + window("1m", "2025-03-05T00:00:00Z", "2025-03-05T00:01:00Z", "") + ","
                + window("1d", "2025-02-27T15:00:00Z", "2025-03-03T15:00:00Z", dailyOf0228) + ","
                + window("1d", "2025-03-03T15:00:00Z", "2025-03-04T15:00:00Z", "") + "]}")));
        loaderAnswersGroup(loadedResult(first, 1), loadedResult(second, 1));

        given().contentType(ContentType.JSON).body(group(first, second))
                .when().post("/v1/validations/groups")
                .then().statusCode(200).body("results[0].status", equalTo(200));

        loader.verify(1, postRequestedFor(urlEqualTo("/v1/bars/windows")));
        loader.verify(0, WireMock.getRequestedFor(urlPathEqualTo("/v1/bars")));
        List<ValidatedBatch> verdicts = json.readValue(loader.findAll(postRequestedFor(urlEqualTo("/v1/loads/groups")))
                .get(0).getBodyAsString(), ValidatedBatchGroup.class).batches();
        ValidatedBatch judged = verdicts.get(0);
        assertEquals(List.of("price_out_of_range"), judged.quarantined().stream()
                .flatMap(q -> q.issues().stream()).map(issue -> issue.rule()).toList(),
                "+30 % of the previous close read with the group, plus a tick, is out of range");
        assertEquals(List.of("stored_bar_replaced"), judged.batchIssues().stream().map(issue -> issue.rule()).toList(),
                "the stored 09:00 bar read with the group has other values");
        assertEquals(List.of(), verdicts.get(1).batchIssues());
    }

    private static String window(String interval, String from, String to, String bars) {
        return ("{\"window\":{\"symbol\":\"005930\",\"interval\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"},"
                + "\"bars\":[%s]}").formatted(interval, from, to, bars);
    }

    @Test
    void aMalformedBatchIsRefusedAloneAndTheOthersAreLoaded() throws Exception {
        CollectedBatch good = batchAt("2025-03-04T00:00:00Z", "2025-03-04T00:01:00Z");
        CollectedBatch withoutBars = Bars.batch(BarInterval.ONE_MINUTE, "2025-03-05T00:00:00Z",
                "2025-03-05T00:01:00Z", null);
        loaderAnswersGroup(loadedResult(good, 1));

        given().contentType(ContentType.JSON).body(group(withoutBars, good))
                .when().post("/v1/validations/groups")
                .then().statusCode(200)
                .body("results[0].batchId", equalTo(withoutBars.batchId().toString()))
                .body("results[0].status", equalTo(400))
                .body("results[0].detail", containsString("bars"))
                .body("results[1].status", equalTo(200));

        assertEquals(List.of(good.batchId()), groupLoadedInOrder());
    }

    @Test
    void aVerdictTheLoaderRefusesIsThatBatchs422() throws Exception {
        CollectedBatch refused = batchAt("2025-03-04T00:00:00Z", "2025-03-04T00:01:00Z");
        CollectedBatch good = batchAt("2025-03-05T00:00:00Z", "2025-03-05T00:01:00Z");
        loaderAnswersGroup("{\"batchId\":\"%s\",\"status\":422,\"detail\":\"no such table\"}".formatted(
                refused.batchId()), loadedResult(good, 1));

        given().contentType(ContentType.JSON).body(group(refused, good))
                .when().post("/v1/validations/groups")
                .then().statusCode(200)
                .body("results[0].status", equalTo(422))
                .body("results[0].detail", containsString("no such table"))
                .body("results[1].status", equalTo(200));
    }

    @Test
    void anUnavailableLoaderMakesTheWholeGroupA503ToRedeliver() throws Exception {
        loader.stubFor(post(urlEqualTo("/v1/loads/groups")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"database down\"}")));

        given().contentType(ContentType.JSON)
                .body(group(batchAt("2025-03-04T00:00:00Z", "2025-03-04T00:01:00Z")))
                .when().post("/v1/validations/groups")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("redeliver later"));
    }

    @Test
    void anEmptyGroupATooLargeOneAndABatchTwiceAre400() throws Exception {
        given().contentType(ContentType.JSON).body("{\"batches\":[]}")
                .when().post("/v1/validations/groups")
                .then().statusCode(400).contentType("application/problem+json");
        CollectedBatch batch = batchAt("2025-03-04T00:00:00Z", "2025-03-04T00:01:00Z");
        given().contentType(ContentType.JSON).body(group(batch, batch))
                .when().post("/v1/validations/groups")
                .then().statusCode(400).body("detail", containsString("twice"));
        List<CollectedBatch> many = new ArrayList<>(Collections.nCopies(65, (CollectedBatch) null));
        for (int i = 0; i < many.size(); i++) {
            many.set(i, batchAt("2025-03-04T00:00:00Z", "2025-03-04T00:01:00Z"));
        }
        given().contentType(ContentType.JSON).body(json.writeValueAsString(new BatchGroup(many)))
                .when().post("/v1/validations/groups")
                .then().statusCode(400).body("detail", containsString("at most 64"));
        loader.verify(0, postRequestedFor(urlEqualTo("/v1/loads/groups")));
    }
}
