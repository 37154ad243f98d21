package dev.marketpipe.console.page;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.marketpipe.console.signin.SignIns;
import dev.marketpipe.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /}: every stage's instances as their management ports answer — up with its checks' data, down (a 503
 * readiness) with the failing check's data, or unreachable — and the collector's and the archive's headline figures.
 */
@QuarkusTest
@WithTestResource(StageWireMocks.class)
class NowPageTest {

    static final String COLLECTOR_METRICS = """
            # HELP marketpipe_collector_source_active 0 primary, 1 backup
            # TYPE marketpipe_collector_source_active gauge
            marketpipe_collector_source_active 0.0
            # TYPE marketpipe_collector_budget_limit gauge
            marketpipe_collector_budget_limit{provider="kis"} 20.0
            # TYPE marketpipe_collector_budget_local gauge
            marketpipe_collector_budget_local{provider="kis"} 0.0
            # TYPE marketpipe_collector_budget_requests_total counter
            marketpipe_collector_budget_requests_total{outcome="granted",priority="realtime",provider="kis"} %d.0
            marketpipe_collector_budget_requests_total{outcome="granted",priority="backfill",provider="kis"} 80.0
            marketpipe_collector_budget_requests_total{outcome="shed",priority="backfill",provider="kis"} 3.0
            # TYPE ft_circuitbreaker_state_current gauge
            ft_circuitbreaker_state_current{method="dev.marketpipe.collector.provider.kis.KisProvider.bars",state="closed"} 0.0
            ft_circuitbreaker_state_current{method="dev.marketpipe.collector.provider.kis.KisProvider.bars",state="open"} 1.0
            ft_circuitbreaker_state_current{method="dev.marketpipe.collector.provider.kis.KisProvider.bars",state="halfOpen"} 0.0
            """;
    static final String ARCHIVE_METRICS = """
            # TYPE marketpipe_archive_outbox_backlog_batches gauge
            marketpipe_archive_outbox_backlog_batches 1234.0
            # TYPE marketpipe_archive_outbox_oldest_age_seconds gauge
            marketpipe_archive_outbox_oldest_age_seconds 900.0
            # TYPE marketpipe_archive_outbox_dead_total counter
            marketpipe_archive_outbox_dead_total 2.0
            """;

    @StageWireMocks.InjectStages
    StageWireMocks.Stages stages;

    @BeforeEach
    void stagesAnswer() {
        stages.resetAll();
        live(stages.collector());
        stages.collector().stubFor(get(urlEqualTo("/q/health/ready")).willReturn(okJson("""
                {"status":"UP","checks":[{"name":"provider","status":"UP",
                  "data":{"active":"primary","kis":"reachable"}}]}
                """)));
        collectorMetrics(120);

        live(stages.archive());
        stages.archive().stubFor(get(urlEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"status":"DOWN","checks":[{"name":"outbox-backlog","status":"DOWN","data":{"backlog":1234,
                          "oldestAgeSeconds":900,"reason":"the oldest unacknowledged batch has waited 900 s"}}]}
                        """)));
        stages.archive().stubFor(get(urlEqualTo("/q/metrics")).willReturn(metrics(ARCHIVE_METRICS)));

        live(stages.loader());
        stages.loader().stubFor(get(urlEqualTo("/q/health/ready")).willReturn(okJson("""
                {"status":"UP","checks":[{"name":"database","status":"UP","data":{"quarantineOpen":17}}]}
                """)));
    }

    @Test
    void aStageThatIsReadyIsUpWithItsChecksAndTheirData() {
        String page = now();
        String loader = card(page, "loader");
        String collector = card(page, "collector");

        assertEquals("up", stageState(page, "collector"), collector);
        assertTrue(collector.contains("readiness <span class=\"badge up\">UP</span>"), collector);
        assertTrue(collector.contains("provider"), collector);
        assertTrue(collector.contains("<li>active: primary</li>"), collector);
        assertTrue(collector.contains("<li>kis: reachable</li>"), collector);
        assertTrue(loader.contains("<li>quarantineOpen: 17</li>"), loader);
    }

    @Test
    void aStageAnswering503IsDownWithItsFailingCheckAndItsData() {
        String page = now();
        String archive = card(page, "archive");

        assertEquals("down", stageState(page, "archive"), archive);
        assertTrue(archive.contains("readiness <span class=\"badge down\">DOWN</span>"), archive);
        assertTrue(archive.contains("liveness <span class=\"badge up\">UP</span>"), archive);
        assertTrue(archive.contains("<span class=\"badge down\">DOWN</span> outbox-backlog"), archive);
        assertTrue(archive.contains("<li>backlog: 1234</li>"), archive);
        assertTrue(archive.contains("<li>reason: the oldest unacknowledged batch has waited 900 s</li>"), archive);
        assertTrue(archive.contains("<li>outbox: 1234 batches waiting, the oldest for 900 s</li>"), archive);
        assertTrue(archive.contains("<li>dead letters since start: 2</li>"), archive);
    }

    @Test
    void aStageWhereNothingListensIsDownAndShownUnreachable() {
        String page = now();
        String validator = card(page, "validator");

        assertEquals("down", stageState(page, "validator"), validator);
        assertTrue(validator.contains("<div class=\"instance\" data-state=\"unreachable\">"), validator);
        assertTrue(validator.contains("liveness <span class=\"badge unreachable\">UNREACHABLE</span>"), validator);
        assertTrue(validator.contains("ConnectException"), "says why: " + validator);
    }

    @Test
    void aStageWithOneOfItsTwoInstancesUnreachableIsDegraded() {
        String page = now();
        String loader = card(page, "loader");

        assertEquals("degraded", stageState(page, "loader"), loader);
        assertEquals(1, count(loader, "<div class=\"instance\" data-state=\"up\">"), loader);
        assertEquals(1, count(loader, "<div class=\"instance\" data-state=\"unreachable\">"), loader);
        assertTrue(loader.contains(stages.loader().baseUrl()), loader);
        assertTrue(loader.contains(stages.unreachableUrl()), loader);
    }

    @Test
    void theCollectorsMetricsGiveItsProviderBreakersAndRateBudget() {
        String collector = card(now(), "collector");

        assertTrue(collector.contains("<li>provider: primary</li>"), collector);
        assertTrue(collector.contains("<li>circuit breakers: KisProvider.bars open</li>"), collector);
        assertTrue(Pattern.compile("<li>rate budget kis: (–|[0-9.]+) of 20 requests/s used, 3 shed since start</li>")
                .matcher(collector).find(), collector);
        stages.collector().verify(getRequestedFor(urlEqualTo("/q/metrics"))
                .withHeader("Accept", containing("text/plain")));
    }

    @Test
    void theCollectorOnItsBackupProviderIsSaidSo() {
        stages.collector().stubFor(get(urlEqualTo("/q/metrics")).atPriority(1).willReturn(metrics(
                "marketpipe_collector_source_active 1.0\n")));

        String collector = card(now(), "collector");

        assertTrue(collector.contains("<li>provider: BACKUP (failover active)</li>"), collector);
        assertFalse(collector.contains("provider: primary"), collector);
    }

    @Test
    void theRateBudgetUsedIsTheGrowthOfGrantedRequestsSinceThePreviousLook() {
        now();
        collectorMetrics(1_000_120);

        String collector = card(now(), "collector");

        Matcher used = Pattern.compile("rate budget kis: ([0-9.]+) of 20 requests/s used").matcher(collector);
        assertTrue(used.find(), collector);
        assertTrue(Double.parseDouble(used.group(1)) > 0, collector);
    }

    @Test
    void thePageNeedsNoSignInAndShowsNoAlertsWithoutAnAlertmanager() {
        String anonymous = now();
        String signedIn = given().cookie(SignIns.COOKIE, TestTokens.token("kim", "operator")).when().get("/")
                .then().statusCode(200).extract().asString();

        assertTrue(anonymous.contains("<a href=\"/signin\">Sign in</a>"), anonymous);
        assertTrue(signedIn.contains("Signed in as <strong>kim</strong>"), signedIn);
        assertFalse(anonymous.contains("Alerts firing"), anonymous);
        assertTrue(anonymous.contains("<meta http-equiv=\"refresh\" content=\"15\">"), anonymous);
    }

    private String now() {
        return given().when().get("/").then().statusCode(200).extract().asString();
    }

    private void collectorMetrics(long realtimeGranted) {
        stages.collector().stubFor(get(urlEqualTo("/q/metrics"))
                .willReturn(metrics(COLLECTOR_METRICS.formatted(realtimeGranted))));
    }

    private static void live(WireMockServer stage) {
        stage.stubFor(get(urlEqualTo("/q/health/live")).willReturn(okJson("{\"status\":\"UP\",\"checks\":[]}")));
    }

    private static ResponseDefinitionBuilder metrics(String text) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .withBody(text);
    }

    /** The card of {@code stage}: from its {@code <section id="stage-…">} to the section's end. */
    static String card(String html, String stage) {
        int start = html.indexOf("<section class=\"card stage\" id=\"stage-" + stage + "\"");
        assertTrue(start >= 0, "no card of " + stage + " in " + html);
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }

    /** The {@code data-state} of the card {@code id="stage-…"}. */
    static String stageState(String html, String stage) {
        Matcher card = Pattern.compile("<section [^>]*id=\"stage-" + stage + "\"[^>]*data-state=\"([a-z]+)\"")
                .matcher(html);
        assertTrue(card.find(), "no card of " + stage + " in " + html);
        return card.group(1);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
