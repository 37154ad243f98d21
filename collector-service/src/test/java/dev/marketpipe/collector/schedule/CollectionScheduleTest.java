package dev.marketpipe.collector.schedule;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.marketpipe.collector.budget.Priority;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.MutableClock;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The collection schedule: the 5-minute and daily jobs, gated by the calendar, configured with their priorities. */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class CollectionScheduleTest {

    WireMockServer wireMock;

    @Inject
    FiveMinuteBarJob fiveMinute;

    @Inject
    DailyBarJob daily;

    @Inject
    JobScheduler scheduler;

    @Inject
    MeterRegistry registry;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void reset() {
        ApiStubs.reset(wireMock);
        breakers.resetAll();
        QuarkusMock.installMockForType(clock, MarketClock.class);
    }

    @Test
    void theSpecTableIsTheDefaultSchedule() {
        assertEquals(Priority.HIGH, scheduler.schedule(LiveCollector.NAME).priority());
        assertEquals(Priority.MEDIUM, scheduler.schedule(FiveMinuteBarJob.NAME).priority());
        assertEquals("10 0/5 * * * ?", scheduler.schedule(FiveMinuteBarJob.NAME).cron());
        assertEquals(Priority.MEDIUM, scheduler.schedule(DailyBarJob.NAME).priority());
        assertEquals(Optional.of(Duration.ofMinutes(10)), scheduler.schedule(DailyBarJob.NAME).delay());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> scheduler.schedule("order-book"));
        assertTrue(missing.getMessage().contains("marketpipe.collector.schedule.order-book"));
    }

    @Test
    void fiveMinuteJobCollectsTheFiveMinuteBarThatJustCompletedOnceAtMediumPriority() {
        clock.now = Instant.parse("2025-03-04T01:05:10Z"); // 10:05:10 KST
        double mediumBefore = granted("medium");
        scheduler.runNow(fiveMinute);
        wireMock.verify(20, getRequestedFor(urlPathEqualTo("/market/data"))
                .withQueryParam("interval", equalTo("5m"))
                .withQueryParam("start_date", equalTo("2025-03-04T01:00:00Z"))
                .withQueryParam("end_date", equalTo("2025-03-04T01:05:00Z")));
        assertTrue(granted("medium") - mediumBefore >= 20, "the job's requests took Medium tokens");

        assertTrue(fiveMinute.collectLastCompletedBar().isEmpty(), "the same bar is not collected twice");
        clock.now = Instant.parse("2025-03-04T06:30:10Z"); // 15:30:10 KST: the session's last 5-minute bar
        assertEquals(Optional.of(Instant.parse("2025-03-04T06:25:00Z")), fiveMinute.collectLastCompletedBar());
    }

    @Test
    void fiveMinuteJobRequestsNothingOutsideTheSession() {
        clock.now = Instant.parse("2025-03-03T23:55:10Z"); // 08:55 KST, pre-market
        assertTrue(fiveMinute.collectLastCompletedBar().isEmpty());
        clock.now = Instant.parse("2025-01-28T01:05:10Z"); // Seollal
        assertTrue(fiveMinute.collectLastCompletedBar().isEmpty());
        clock.now = Instant.parse("2026-01-02T00:30:10Z"); // 09:30 KST on a day that opens at 10:00
        assertTrue(fiveMinute.collectLastCompletedBar().isEmpty());
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/market/data")));
    }

    @Test
    void dailyJobWaitsForTheCloseAndTheConfiguredDelayThenCollectsTheDayOnce() {
        clock.now = Instant.parse("2025-03-05T06:39:59Z"); // 15:39:59 KST: close + 10 min not reached
        assertTrue(daily.collectTodaysBar().isEmpty());
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/market/data")));

        clock.now = Instant.parse("2025-03-05T06:40:00Z");
        assertEquals(Optional.of(LocalDate.parse("2025-03-05")), daily.collectTodaysBar());
        wireMock.verify(20, getRequestedFor(urlPathEqualTo("/market/data"))
                .withQueryParam("interval", equalTo("1d"))
                .withQueryParam("start_date", equalTo("2025-03-05"))
                .withQueryParam("end_date", equalTo("2025-03-05")));
        clock.now = Instant.parse("2025-03-05T09:00:00Z");
        assertTrue(daily.collectTodaysBar().isEmpty(), "once per trading day");
        wireMock.verify(20, getRequestedFor(urlPathEqualTo("/market/data")));
    }

    @Test
    void dailyJobFollowsTheCsatLateCloseAndSkipsClosedDays() {
        clock.now = Instant.parse("2025-11-13T07:35:00Z"); // 16:35 KST: the CSAT session closed at 16:30
        assertTrue(daily.collectTodaysBar().isEmpty());
        clock.now = Instant.parse("2025-12-31T08:00:00Z"); // year-end closing day
        assertTrue(daily.collectTodaysBar().isEmpty());
        clock.now = Instant.parse("2025-03-08T08:00:00Z"); // Saturday
        assertTrue(daily.collectTodaysBar().isEmpty());
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/market/data")));
        clock.now = Instant.parse("2025-11-13T07:40:00Z"); // 16:40 KST
        assertEquals(Optional.of(LocalDate.parse("2025-11-13")), daily.collectTodaysBar());
    }

    private double granted(String priority) {
        return registry.find("marketpipe.collector.budget.requests").tag("outcome", "granted")
                .tag("priority", priority).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
