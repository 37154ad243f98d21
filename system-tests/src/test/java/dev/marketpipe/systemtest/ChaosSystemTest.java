package dev.marketpipe.systemtest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The chaos run (docs/RELIABILITY.md): during one backfill every stage is killed with {@code kill -9} at random
 * moments, PostgreSQL crashes once, the archive's disk is filled past its low-disk limit for a while, and the
 * simulator answers with a fault mix (5 % 5xx, 2 % 429 with Retry-After, 1 % requests held past the client's timeout,
 * every token expiring on a schedule). Then, without any operator action: the job SUCCEEDED, the database equals the
 * ground truth (no bar missing, none extra, none different), no log line carries a stack trace, and the collection
 * success rate over the run is reported against the 99.5 % KPI. The size comes from {@link ChaosPlan} (small by
 * default; {@code bench/chaos.sh} runs the large one); the figures go to {@code target/chaos-summary.json}.
 */
class ChaosSystemTest {

    private static final long SEED = 23;
    private static final MarketCalendar CALENDAR = MarketCalendar.krx();
    private static final GroundTruth TRUTH = new GroundTruth(new BarGenerator(SEED, CALENDAR, 0));
    private static final List<String> UNIVERSE = List.of("005930", "000660", "035420", "005380", "051910", "006400",
            "035720", "000270", "068270", "105560", "055550", "012330", "028260", "066570", "003550", "096770",
            "017670", "034730", "015760", "032830");
    /** A line of a Java stack trace in a plain log, or a JSON log line that carries one. */
    private static final Pattern STACK_TRACE = Pattern.compile("^\\s+at [\\w$.<>/]+\\(.*\\)\\s*$|\"exception\":\\{");
    private static final Duration DATABASE_DOWN = Duration.ofSeconds(8);
    private static final Duration DISK_FULL = Duration.ofSeconds(10);
    private static final long MB = 1024 * 1024;

    private static final ChaosPlan PLAN = ChaosPlan.fromSystemProperties();
    private static final List<String> SYMBOLS = UNIVERSE.subList(0, PLAN.symbols());
    private static Pipeline pipeline;
    private static Path work;
    private static long lowDiskLimitMb;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("marketpipe.repo.root", "..")).toAbsolutePath().normalize();
        work = root.resolve("system-tests/target");
        Pipeline.deleteRecursively(work.resolve("system-test-chaos")); // an earlier run's data would be freed later
        long freeMb = Files.getFileStore(work).getUsableSpace() / MB;
        lowDiskLimitMb = freeMb - PLAN.diskHeadroomMb();
        assertTrue(lowDiskLimitMb > 512, "not enough free disk for the chaos run's headroom: " + freeMb + " MiB");
        pipeline = Pipeline.setUp("system-test-chaos", SEED, 0).collectors(List.of(Map.of(
                        "MARKETPIPE_COLLECTOR_SYMBOLS", String.join(",", SYMBOLS),
                        "MARKETPIPE_COLLECTOR_BUDGET_REQUESTS_PER_SECOND", String.valueOf(PLAN.requestsPerSecond()),
                        // a killed collector's windows are taken over soon; a failed window is tried again soon
                        "MARKETPIPE_COLLECTOR_JOBS_CLAIM", "10S",
                        "MARKETPIPE_COLLECTOR_JOBS_WINDOW_RETRY_DELAY", "5S",
                        "MARKETPIPE_COLLECTOR_JOBS_WINDOW_RETRY_MAX_DELAY", "60S")))
                .archive(Map.of("MARKETPIPE_ARCHIVE_MIN_FREE_SPACE_MB", String.valueOf(lowDiskLimitMb))).start();
    }

    @AfterAll
    static void stop() throws Exception {
        Files.deleteIfExists(filler());
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aBackfillThroughKillsADatabaseCrashALowDiskAndProviderFaultsEndsWithTheGroundTruth() throws Exception {
        HttpResponse<String> mix = Pipeline.put(pipeline.simulator.baseUrl() + "/simulator/fault-mix", Map.of(
                "serverErrors", 0.05, "rateLimits", 0.02, "retryAfterSeconds", 1, "timeouts", 0.01,
                "timeoutDelayMillis", 20_000, "tokenExpirySeconds", PLAN.tokenExpiry().toSeconds()));
        assertEquals(200, mix.statusCode(), mix.body());
        Instant started = Instant.now();
        HttpResponse<String> response = Pipeline.post(collector().baseUrl() + "/v1/backfills", Map.of(
                "symbols", SYMBOLS, "interval", "1m", "from", PLAN.from().toString(), "to", PLAN.to().toString()));
        assertEquals(202, response.statusCode(), response.body());
        String location = response.headers().firstValue("Location").orElseThrow();

        Random random = new Random(PLAN.seed() + 1);
        List<ChaosPlan.Event> events = PLAN.events();
        int duringBackfill = 0;
        Instant lastFault = Instant.now();
        for (int i = 0; i < events.size(); i++) {
            Duration pause = PLAN.nextPause(random);
            await().pollDelay(pause).atMost(pause.plusSeconds(1)).until(() -> true);
            if ("RUNNING".equals(state(location))) {
                duringBackfill++;
            }
            System.out.printf("chaos %d/%d at %d s: %s%n", i + 1, events.size(),
                    Duration.between(started, Instant.now()).toSeconds(), events.get(i));
            inject(events.get(i));
            lastFault = Instant.now();
        }

        JsonNode job = await("the backfill finished").atMost(PLAN.converge()).pollInterval(Duration.ofSeconds(1))
                .until(() -> status(location), status -> status != null
                        && !"RUNNING".equals(status.path("state").asText()));
        assertEquals("SUCCEEDED", job.path("state").asText(), job.toString());
        long expected = 0; // 390 minutes a day, fewer on a late opening (the year's first session starts at 10:00)
        for (String symbol : SYMBOLS) {
            for (LocalDate day : CALENDAR.tradingDays(PLAN.from(), PLAN.to())) {
                expected += TRUTH.cleanBars(symbol, BarInterval.ONE_MINUTE, day).size();
            }
        }
        long bars = expected;
        await("every bar loaded").atMost(PLAN.converge()).pollInterval(Duration.ofSeconds(1))
                .until(() -> pipeline.count("SELECT count(*) FROM market_data_1min") >= bars);
        Duration converged = Duration.between(lastFault, Instant.now());
        Duration total = Duration.between(started, Instant.now());
        JsonNode injected = Pipeline.JSON.readTree(Pipeline.deleteWithBody(
                pipeline.simulator.baseUrl() + "/simulator/fault-mix")).path("injected");

        GroundTruth.Difference difference = new GroundTruth.Difference(0, 0, 0);
        for (String symbol : SYMBOLS) {
            for (LocalDate day : CALENDAR.tradingDays(PLAN.from(), PLAN.to())) {
                difference = difference.plus(TRUTH.difference(pipeline.postgres, symbol, BarInterval.ONE_MINUTE, day));
            }
        }
        long succeeded = pipeline.count("SELECT count(*) FROM data_collection_log WHERE data_type = 'market_data'"
                + " AND status = 'success'");
        long failed = pipeline.count("SELECT count(*) FROM data_collection_log WHERE data_type = 'market_data'"
                + " AND status = 'error' AND coalesce(error_type, '') <> 'budget_shed'");
        long doubledLogRows = pipeline.count("SELECT count(*) - count(DISTINCT batch_id) FROM data_collection_log"
                + " WHERE batch_id IS NOT NULL");
        Map<String, Long> stackTraces = stackTraceLines();

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("plan", PLAN.toString());
        summary.put("bars", expected);
        summary.put("requests", job.path("requestsTotal").asInt());
        summary.put("jobState", job.path("state").asText());
        summary.put("windowsResumed", job.path("windowsResumed").asInt());
        summary.put("kills", PLAN.kills());
        summary.put("eventsDuringBackfill", duringBackfill);
        summary.put("eventsInAll", events.size());
        summary.put("providerFaultsInjected", injected);
        summary.put("missing", difference.missing());
        summary.put("extra", difference.extra());
        summary.put("mismatched", difference.mismatched());
        summary.put("collectionSuccessRate", succeeded + failed == 0 ? 1.0 : (double) succeeded / (succeeded + failed));
        summary.put("collectionsSucceeded", succeeded);
        summary.put("collectionsFailed", failed);
        summary.put("secondsInAll", total.toSeconds());
        summary.put("secondsToConvergeAfterLastFault", converged.toSeconds());
        summary.put("stackTraceLines", stackTraces);
        Files.writeString(work.resolve("chaos-summary.json"),
                Pipeline.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        System.out.println("chaos summary: " + Pipeline.JSON.writeValueAsString(summary));

        assertEquals(new GroundTruth.Difference(0, 0, 0), difference, "the database equals the ground truth");
        assertEquals(0, doubledLogRows, "one data_collection_log row per batch");
        assertTrue(stackTraces.isEmpty(), "no stack trace for an expected fault: " + stackTraces);
    }

    private static void inject(ChaosPlan.Event event) throws Exception {
        if (event instanceof ChaosPlan.Kill kill) {
            ServiceProcess stage = stage(kill.stage());
            stage.kill();
            stage.start().awaitReady();
        } else if (event instanceof ChaosPlan.DatabaseCrash) {
            pipeline.postgres.crashServer();
            await().pollDelay(DATABASE_DOWN).atMost(DATABASE_DOWN.plusSeconds(1)).until(() -> true);
            pipeline.postgres.restartServer();
            pipeline.loader.awaitReady();
        } else if (event instanceof ChaosPlan.LowDisk) {
            // whatever the run has written meanwhile: leave 256 MiB less free than the archive's limit
            long fillMb = Files.getFileStore(work).getUsableSpace() / MB - lowDiskLimitMb + 256;
            Process fill = new ProcessBuilder("fallocate", "-l", Math.max(1, fillMb) + "M", filler().toString())
                    .inheritIO().start();
            assertEquals(0, fill.waitFor(), "fallocate");
            await("the archive refuses batches on low disk").atMost(Duration.ofSeconds(30))
                    .until(() -> pipeline.archive.status("/q/health/ready") != 200);
            await().pollDelay(DISK_FULL).atMost(DISK_FULL.plusSeconds(1)).until(() -> true);
            Files.delete(filler());
            pipeline.archive.awaitReady();
        }
    }

    private static ServiceProcess stage(String name) {
        return switch (name) {
            case "collector" -> collector();
            case "archive" -> pipeline.archive;
            case "validator" -> pipeline.validator;
            case "loader" -> pipeline.loader;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static ServiceProcess collector() {
        return pipeline.collectors.get(0);
    }

    private static Path filler() {
        return work.resolve("chaos-disk-filler.bin");
    }

    /** The job's status, or null while the collector does not answer (it may just have been killed). */
    private static JsonNode status(String location) {
        try {
            return Pipeline.get(location);
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String state(String location) {
        JsonNode status = status(location);
        return status == null ? "unknown" : status.path("state").asText();
    }

    /** Stack-trace lines per log file of the run (none is expected: every fault here is an expected one). */
    private static Map<String, Long> stackTraceLines() throws IOException {
        Map<String, Long> found = new LinkedHashMap<>();
        Path logs = work.resolve("system-test-chaos/logs");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(logs)) {
            paths.filter(p -> p.toString().endsWith(".log")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            try (Stream<String> lines = Files.lines(file)) {
                long count = lines.filter(line -> STACK_TRACE.matcher(line).find()).count();
                if (count > 0) {
                    found.put(logs.relativize(file).toString(), count);
                }
            }
        }
        return found;
    }
}
