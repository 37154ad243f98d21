package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operator console in a real Chromium against the whole pipeline as processes: a person signs in with a token,
 * sees every stage healthy, approves a quarantined bar and finds it in the bars API, starts a backfill and a replay
 * from the forms and watches them reach SUCCEEDED, and sees a stopped stage marked down. Each step saves a screenshot under
 * {@code system-tests/target/console-screenshots/}, and every page is checked to fit 1280 px without scrolling
 * sideways.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserSystemTest {

    private static final long SEED = 23;
    private static final double INVALID_FRACTION = 0.03;
    private static final String SYMBOL = "005930";
    private static final LocalDate DAY = LocalDate.parse("2025-03-04");
    private static final LocalDate FORM_DAY = LocalDate.parse("2025-03-05");

    private static Pipeline pipeline;
    private static ServiceProcess console;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void startPipelineConsoleAndBrowser() throws Exception {
        if (!"required".equals(System.getenv("MARKETPIPE_BROWSER_TESTS"))) {
            assumeTrue(ConsoleBrowser.installed(), "chromium and chromedriver are not installed: apt-get install "
                    + "chromium chromium-driver (.ci/run does, and sets MARKETPIPE_BROWSER_TESTS=required)");
        }
        pipeline = Pipeline.start("system-test-console", SEED, INVALID_FRACTION,
                List.of(Pipeline.NO_SNAPSHOT_SCHEDULES));
        ServiceProcess collector = pipeline.collectors.get(0);
        Map<String, String> env = new HashMap<>();
        env.put("MARKETPIPE_CONSOLE_COLLECTOR_URL", collector.baseUrl());
        env.put("MARKETPIPE_CONSOLE_ARCHIVE_URL", pipeline.archive.baseUrl());
        env.put("MARKETPIPE_CONSOLE_VALIDATOR_URL", pipeline.validator.baseUrl());
        env.put("MARKETPIPE_CONSOLE_LOADER_URL", pipeline.loader.baseUrl());
        env.put("MARKETPIPE_CONSOLE_COLLECTOR_MANAGEMENT_URL", collector.managementUrl());
        env.put("MARKETPIPE_CONSOLE_ARCHIVE_MANAGEMENT_URL", pipeline.archive.managementUrl());
        env.put("MARKETPIPE_CONSOLE_VALIDATOR_MANAGEMENT_URL", pipeline.validator.managementUrl());
        env.put("MARKETPIPE_CONSOLE_LOADER_MANAGEMENT_URL", pipeline.loader.managementUrl());
        Path root = pipeline.archiveRoot.getParent();
        console = new ServiceProcess("console-service", Path.of(System.getProperty("marketpipe.repo.root", ".."))
                .toAbsolutePath().normalize(), Pipeline.freePort(), env, root.resolve("logs"));
        ServiceProcess.startAll(List.of(console));
        browser = new ConsoleBrowser(console.baseUrl(), root.getParent().resolve("console-screenshots"));
        browser.signIn(TestTokens.token("kim", "operator", "reviewer", "reader"));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (console != null) {
            console.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void everyStageIsShownHealthyToTheSignedInPerson() throws Exception {
        browser.open("/");
        assertTrue(browser.driver().findElement(By.id("signed-in")).getText().contains("kim"), "signed in as kim");
        for (String stage : List.of("collector", "archive", "validator", "loader")) {
            WebElement card = browser.driver().findElement(By.id("stage-" + stage));
            assertEquals("up", card.getAttribute("data-state"), stage + ": " + card.getText());
        }
        WebElement archive = browser.driver().findElement(By.id("stage-archive"));
        assertTrue(archive.getText().contains("outbox-backlog"), "the archive's backlog check is shown");
        assertTrue(archive.getText().contains("batches waiting"), "the archive's outbox headline is shown");
        browser.screenshot("01-now-all-healthy");
    }

    @Test
    @Order(2)
    void approvingAQuarantinedBarInTheReviewQueueLoadsIt() throws Exception {
        JsonNode backfill = Pipeline.awaitJobEnd(Pipeline.startBackfill(pipeline.collectors.get(0), List.of(SYMBOL),
                "1m", DAY, DAY), Duration.ofMinutes(2));
        assertEquals("SUCCEEDED", backfill.path("state").asText(), backfill.toString());
        JsonNode entry = await("a quarantined bar that can be approved").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(ConsoleBrowserSystemTest::approvableEntry,
                        found -> found != null);
        long id = entry.path("id").asLong();
        String timestamp = entry.path("recordTimestamp").asText();

        browser.open("/review");
        browser.fill("f-symbol", SYMBOL);
        browser.fill("f-date", DAY.toString());
        browser.submit(browser.driver().findElement(By.cssSelector("form.filters button[type=submit]")), "symbol=" + SYMBOL);
        WebElement row = browser.driver().findElement(By.id("entry-" + id));
        assertTrue(row.getText().contains(entry.path("reasons").get(0).path("rule").asText()), "its reason shown");
        browser.screenshot("02-review-queue");
        browser.submit(row.findElement(By.cssSelector("form[action^='/review/" + id + "/approve'] button")), "notice=");

        String notice = browser.driver().findElement(By.cssSelector("p.notice")).getText();
        assertTrue(notice.contains("approved by kim"), notice);
        assertEquals("approved", browser.driver().findElement(By.id("entry-" + id)).getAttribute("data-status"));
        browser.assertFitsWidth();
        browser.screenshot("03-review-approved");
        JsonNode bars = Pipeline.get(pipeline.loader.baseUrl() + "/v1/bars?symbol=" + SYMBOL + "&interval=1m&from="
                + timestamp + "&to=" + java.time.Instant.parse(timestamp).plusSeconds(60));
        assertEquals(1, bars.size(), "the approved bar is in the bars API: " + bars);
        assertEquals(entry.path("record").path("close").decimalValue().stripTrailingZeros(),
                bars.get(0).path("close").decimalValue().stripTrailingZeros(), "with the values it was quarantined with");
    }

    @Test
    @Order(3)
    void aBackfillStartedFromTheFormRunsToSucceeded() throws Exception {
        browser.open("/jobs");
        browser.fill("backfill-symbols", SYMBOL);
        browser.fill("backfill-from", FORM_DAY.toString());
        browser.fill("backfill-to", FORM_DAY.toString());
        browser.submit(browser.driver().findElement(By.cssSelector("#start-backfill button[type=submit]")),
                "/jobs/backfills/");
        assertTrue(browser.driver().findElement(By.cssSelector("p.notice")).getText().contains("backfill started"));
        await("the job page shows SUCCEEDED").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> browser.driver().findElement(By.id("job-state")).getAttribute("data-state"),
                        "SUCCEEDED"::equals);
        assertTrue(browser.driver().findElement(By.id("job-counts")).getText().startsWith("390 records"),
                browser.driver().findElement(By.id("job-counts")).getText());
        browser.assertFitsWidth();
        browser.screenshot("04-backfill-succeeded");
        browser.open("/jobs");
        browser.fill("replay-symbols", SYMBOL);
        browser.fill("replay-from", DAY.toString());
        browser.fill("replay-to", DAY.toString());
        browser.submit(browser.driver().findElement(By.cssSelector("#start-replay button[type=submit]")),
                "/jobs/replays/");
        await("the replay's page shows SUCCEEDED").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> browser.driver().findElement(By.id("job-state")).getAttribute("data-state"),
                        "SUCCEEDED"::equals);
        browser.open("/jobs");
        assertEquals(3, browser.driver().findElements(By.cssSelector("tr.job[data-state=SUCCEEDED]")).size(),
                "two backfills and the replay listed as SUCCEEDED");
        browser.screenshot("05-jobs");
    }

    @Test
    @Order(4)
    void todayBarsAndKeptReportsShowTheDay() throws Exception {
        browser.open("/today?date=" + DAY);
        assertTrue(browser.driver().findElement(By.cssSelector("table.kpis")).getText().contains("Completeness"));
        WebElement symbol = browser.driver().findElement(By.linkText(SYMBOL));
        browser.screenshot("06-today");
        browser.submit(symbol, "/bars?");
        assertEquals(count("SELECT count(*) FROM market_data_1min WHERE symbol = '" + SYMBOL + "' AND timestamp >= '"
                + DAY + "T00:00:00+09:00' AND timestamp < '" + DAY.plusDays(1) + "T00:00:00+09:00'"),
                browser.driver().findElements(By.cssSelector("tr.bar")).size(), "the symbol's stored bars");
        browser.screenshot("07-bars");
        HttpResponse<String> kept = Pipeline.post(pipeline.loader.baseUrl() + "/v1/reports/daily/" + DAY
                + "/generations?interval=1m", null);
        assertEquals(201, kept.statusCode(), kept.body());
        browser.open("/reports");
        assertTrue(browser.driver().findElement(By.tagName("h1")).getText().contains("Kept daily reports"));
        browser.screenshot("08-reports");
        browser.submit(browser.driver().findElement(By.linkText(DAY.toString())), "/reports/" + DAY);
        assertTrue(browser.driver().findElement(By.tagName("h1")).getText().startsWith("Daily report " + DAY),
                "the kept report as the loader rendered it");
        assertFalse(browser.driver().findElements(By.cssSelector("table.heat td.cell")).isEmpty(), "with its heat-map");
    }

    @Test
    @Order(5)
    void aStoppedStageIsMarkedDown() throws Exception {
        pipeline.validator.close();
        browser.open("/");
        WebElement validator = browser.driver().findElement(By.id("stage-validator"));
        assertEquals("down", validator.getAttribute("data-state"), validator.getText());
        assertTrue(validator.getText().contains("unreachable"), validator.getText());
        assertEquals("up", browser.driver().findElement(By.id("stage-loader")).getAttribute("data-state"));
        assertTrue(Files.size(browser.screenshot("09-now-validator-down")) > 10_000, "a screenshot with content");
    }

    /** A quarantined 1-minute bar of the day with every value present (the loader can load it on approval). */
    private static JsonNode approvableEntry() throws Exception {
        JsonNode entries = Pipeline.get(pipeline.loader.baseUrl() + "/v1/quarantine?symbol=" + SYMBOL + "&date=" + DAY
                + "&status=quarantined&limit=100");
        for (JsonNode entry : entries) {
            JsonNode record = entry.path("record");
            boolean complete = List.of("timestamp", "open", "high", "low", "close", "volume").stream()
                    .allMatch(record::hasNonNull) && SYMBOL.equals(record.path("symbol").asText(SYMBOL));
            if (complete && "market_data".equals(entry.path("dataType").asText())) {
                return entry;
            }
        }
        return null;
    }

    private static long count(String sql) throws Exception {
        return pipeline.count(sql);
    }
}
