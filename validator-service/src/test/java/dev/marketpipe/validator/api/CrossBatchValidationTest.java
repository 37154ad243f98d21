package dev.marketpipe.validator.api;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.marketpipe.testsupport.Management;
import dev.marketpipe.validator.Bars;
import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.ValidatedBatch;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.marketpipe.validator.Bars.bar;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Duplicates and gaps across batches through {@code POST /v1/validations}: the stored bars of the window are read once
 * from the loader (WireMock) and judged with the batch; a failed read leaves the batch-local verdict and is counted.
 */
@QuarkusTest
@WithTestResource(LoaderWireMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class CrossBatchValidationTest extends LoaderStubbedTest {

    private static final String WINDOW_START = "2025-03-04T00:00:00Z";
    private static final String WINDOW_END = "2025-03-04T00:10:00Z";

    @BeforeEach
    void stubPreviousCloses() {
        loader.stubFor(get(urlPathEqualTo("/v1/bars")).withQueryParam("interval", WireMock.equalTo("1d"))
                .willReturn(okJson("[]")));
    }

    private static MappingBuilder storedMinuteBars() {
        return get(urlPathEqualTo("/v1/bars")).withQueryParam("interval", WireMock.equalTo("1m"));
    }

    /** The live cycle after a backfill: 09:05 .. 09:09 KST of a 09:00 .. 09:10 window. */
    private static CollectedBatch liveBatch() {
        List<Bar> bars = new ArrayList<>();
        for (int m = 5; m < 10; m++) {
            bars.add(bar("2025-03-04T00:%02d:00Z".formatted(m)));
        }
        return Bars.batch(BarInterval.ONE_MINUTE, WINDOW_START, WINDOW_END, bars);
    }

    /** Stored 1m bars at 09:mm KST, as the loader answers them (numeric columns with their scale). */
    private static String stored(int first, int end, String close) {
        List<String> rows = new ArrayList<>();
        for (int m = first; m < end; m++) {
            rows.add("""
                    {"timestamp":"2025-03-04T00:%02d:00Z","symbol":"005930","open":10000.00,"high":10100.00,\
                    "low":9900.00,"close":%s,"volume":1000,"value":null}""".formatted(m, close));
        }
        return "[" + String.join(",", rows) + "]";
    }

    private ValidatedBatch validate(CollectedBatch batch) throws Exception {
        loaderAccepts(batch, 5, 0);
        given().contentType(ContentType.JSON).body(json.writeValueAsString(batch))
                .when().post("/v1/validations").then().statusCode(200);
        List<LoggedRequest> posts = loader.findAll(postRequestedFor(urlEqualTo("/v1/loads")));
        assertEquals(1, posts.size(), "one load request");
        return json.readValue(posts.get(0).getBodyAsString(), ValidatedBatch.class);
    }

    private static List<String> rules(ValidatedBatch verdict) {
        return verdict.batchIssues().stream().map(QualityIssue::rule).toList();
    }

    private double skipped() {
        return registry.counter("marketpipe.validator.cross_batch.checks.skipped").count();
    }

    @Test
    void barsTheLoaderAlreadyStoresAreReadOnceAndAreNoGap() throws Exception {
        loader.stubFor(storedMinuteBars().willReturn(okJson(stored(0, 5, "10050.00"))));

        ValidatedBatch verdict = validate(liveBatch());

        assertEquals(List.of(), verdict.batchIssues());
        loader.verify(1, getRequestedFor(urlPathEqualTo("/v1/bars"))
                .withQueryParam("symbol", WireMock.equalTo("005930"))
                .withQueryParam("interval", WireMock.equalTo("1m"))
                .withQueryParam("from", WireMock.equalTo(WINDOW_START))
                .withQueryParam("to", WireMock.equalTo(WINDOW_END)));
    }

    @Test
    void aStoredBarWithOtherValuesIsADuplicateIssueWhileTheNewRecordIsLoaded() throws Exception {
        loader.stubFor(storedMinuteBars().willReturn(okJson(stored(0, 10, "10040.00"))));
        double dropped = registry.counter("marketpipe.validator.records.duplicates").count();
        double issues = registry.counter("marketpipe.validator.issues", "rule", RuleCodes.STORED_BAR_REPLACED)
                .count();
        CollectedBatch batch = liveBatch();

        ValidatedBatch verdict = validate(batch);

        assertEquals(Collections.nCopies(5, RuleCodes.STORED_BAR_REPLACED), rules(verdict));
        assertTrue(verdict.batchIssues().get(0).message().contains("close=10040.00"));
        assertTrue(verdict.batchIssues().get(0).message().contains("close=10050"));
        assertEquals(batch.bars(), verdict.accepted().stream().map(AcceptedBar::bar).toList());
        assertEquals(dropped, registry.counter("marketpipe.validator.records.duplicates").count(),
                "no received record was dropped");
        assertEquals(issues + 5, registry.counter("marketpipe.validator.issues", "rule",
                RuleCodes.STORED_BAR_REPLACED).count());
    }

    @Test
    void aSymbolTheLoaderHasNeverStoredIsNothingStoredNotASkippedCheck() throws Exception {
        loader.stubFor(storedMinuteBars().willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"title\":\"Not Found\",\"detail\":\"unknown symbol 005930\"}")));
        double before = skipped();

        ValidatedBatch verdict = validate(liveBatch());

        assertEquals(List.of(RuleCodes.GAP), rules(verdict), "09:00 .. 09:04 missing, judged against nothing stored");
        assertEquals(before, skipped(), "a 404 answers the question; the check was not skipped");
    }

    @Test
    void loaderReadErrorLeavesTheBatchLocalVerdictAndIsCounted() throws Exception {
        loader.stubFor(storedMinuteBars().willReturn(aResponse().withStatus(500)));
        double before = skipped();

        ValidatedBatch verdict = validate(liveBatch());

        assertEquals(List.of(RuleCodes.GAP), rules(verdict), "09:00 .. 09:04 missing as far as the batch knows");
        assertEquals(5, verdict.accepted().size());
        assertEquals(before + 1, skipped());
    }

    @Test
    void slowLoaderReadLeavesTheBatchLocalVerdictAndIsCounted() throws Exception {
        // the test profile's read timeout is 1 s
        loader.stubFor(storedMinuteBars().willReturn(okJson(stored(0, 5, "10050.00")).withFixedDelay(1_500)));
        double before = skipped();

        ValidatedBatch verdict = validate(liveBatch());

        assertEquals(List.of(RuleCodes.GAP), rules(verdict));
        assertEquals(before + 1, skipped());
        given().when().get(Management.url("/q/metrics")).then().statusCode(200)
                .body(containsString("marketpipe_validator_cross_batch_checks_skipped_total"));
    }
}
