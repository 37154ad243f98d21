package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS on (docs/SECURITY.md "TLS"): every stage's API speaks HTTPS only and the stages call each other over HTTPS,
 * trusting the CA they were given. A backfill crosses collector → archive → validator → loader and lands the ground
 * truth; plain HTTP to an API port gets no answer; health stays on the plain management port for the probes.
 */
class TlsSystemTest {

    private static final long SEED = 23;
    private static final List<String> SYMBOLS = List.of("005930");
    private static final LocalDate DAY = LocalDate.parse("2025-03-04");
    private static final GroundTruth TRUTH = new GroundTruth(new BarGenerator(SEED, MarketCalendar.krx(), 0));

    private static Pipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        pipeline = Pipeline.setUp("system-test-tls", SEED, 0)
                .collectors(List.of(Map.of("MARKETPIPE_COLLECTOR_SYMBOLS", String.join(",", SYMBOLS)))).tls().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aBackfillCrossesEveryStageOverHttpsAndPlainHttpGetsNoAnswer() throws Exception {
        ServiceProcess collector = pipeline.collectors.get(0);
        String location = Pipeline.startBackfill(collector, SYMBOLS, "1m", DAY, DAY);
        JsonNode job = Pipeline.awaitJobEnd(location, Duration.ofSeconds(60));
        assertEquals("SUCCEEDED", job.path("state").asText(), job.toString());
        await("every bar loaded").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> pipeline.count("SELECT count(*) FROM market_data_1min") == 390);
        TRUTH.assertStoredEqualsTruth(pipeline.postgres, SYMBOLS.get(0), BarInterval.ONE_MINUTE, DAY);

        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (ServiceProcess stage : List.of(collector, pipeline.archive, pipeline.validator, pipeline.loader)) {
            assertTrue(stage.baseUrl().startsWith("https://"), stage.baseUrl());
            String http = stage.baseUrl().replace("https://", "http://") + "/v1/backfills";
            try {
                HttpResponse<String> answer = plain.send(Requests.to(URI.create(http)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(answer.statusCode() >= 400, stage.name() + " answered plain HTTP with " + answer.statusCode());
            } catch (IOException refused) {
                // no HTTP answer on an HTTPS-only port: what it should be
            }
            assertEquals(200, stage.status("/q/health/ready"), stage.name() + " health on the management port");
        }
        System.out.printf("TLS system test: %d bars over HTTPS through four stages, plain HTTP refused by each%n",
                pipeline.count("SELECT count(*) FROM market_data_1min"));
    }
}
