package dev.marketpipe.collector.schedule;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.MutableClock;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live collection within the rate budget: with more symbols than the budget can poll every minute, the live job follows
 * the coverage plan — each symbol is polled once every cadence, and the windows it requests cover every bar of the
 * session exactly once. The planner sees 150 symbols at 1 request/s (0.9 usable): a sweep takes 167 s, so the cadence
 * is 3 minutes. (The budget itself is off so the test does not wait for tokens.)
 */
@QuarkusTest
@TestProfile(PlannedLiveCollectionTest.TinyBudget.class)
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class PlannedLiveCollectionTest {

    static final int SYMBOLS = 150;
    static final int CADENCE = 3;
    static final Duration MINUTE = Duration.ofMinutes(1);
    /** Wednesday 2025-03-12: session 09:00–15:30 KST = 00:00–06:30 UTC. */
    static final Instant OPEN = Instant.parse("2025-03-12T00:00:00Z");
    static final Instant CLOSE = Instant.parse("2025-03-12T06:30:00Z");

    public static class TinyBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "marketpipe.collector.symbols", String.join(",", symbols()),
                    "marketpipe.collector.budget.requests-per-second", "1",
                    "marketpipe.collector.budget.enabled", "false");
        }
    }

    static List<String> symbols() {
        return IntStream.range(0, SYMBOLS).mapToObj(i -> String.format("%06d", 900000 + i)).toList();
    }

    WireMockServer wireMock;

    @Inject
    LiveCollector live;

    private final MutableClock clock = new MutableClock(OPEN);

    @BeforeEach
    void reset() {
        ApiStubs.reset(wireMock);
        // no bars come back: the collection state never moves, so the windows are the plan's alone
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(okJson(
                "{\"status\":\"success\",\"data\":[],\"meta\":{\"total_records\":0,\"page\":1,\"total_pages\":1}}")));
        QuarkusMock.installMockForType(clock, MarketClock.class);
    }

    @Test
    void theCadenceComesFromThePlanForTheConfiguredSymbolsAndBudget() {
        assertEquals(CADENCE, live.cadenceMinutes());
    }

    @Test
    void fromTheOpenEverySymbolIsPolledEveryCadenceAndEveryBarIsRequestedOnce() {
        int minutes = 12;
        runCycles(OPEN.plus(MINUTE).plusSeconds(5), minutes);
        Map<String, List<Window>> windows = requestedWindows();

        assertEquals(SYMBOLS, windows.size(), "every symbol polled: " + windows.keySet());
        Instant lastEnd = OPEN.plus(MINUTE.multipliedBy(minutes));
        for (String symbol : symbols()) {
            List<Window> polls = windows.get(symbol);
            assertTrue(polls.size() >= minutes / CADENCE && polls.size() <= minutes / CADENCE + 1, symbol + ": " + polls);
            for (int i = 1; i < polls.size(); i++) {
                assertEquals(MINUTE.multipliedBy(CADENCE), Duration.between(polls.get(i - 1).to(), polls.get(i).to()),
                        symbol + " is polled once every cadence: " + polls);
            }
            assertCoveredOnce(symbol, polls, OPEN, polls.get(polls.size() - 1).to());
            assertTrue(Duration.between(polls.get(polls.size() - 1).to(), lastEnd).compareTo(MINUTE.multipliedBy(CADENCE)) < 0,
                    symbol + " polled within the last cadence: " + polls);
        }
        // each minute polls one group of the same size
        Map<Instant, Long> perMinute = windows.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(Window::to, TreeMap::new, Collectors.counting()));
        perMinute.values().forEach(n -> assertEquals(SYMBOLS / CADENCE, n, "requests per minute: " + perMinute));
    }

    @Test
    void theSessionsLastBarsAreCollectedByTheirGroupsAfterTheCloseAndNothingBeyondIt() {
        Instant first = CLOSE.minus(MINUTE.multipliedBy(10));
        runCycles(first.plusSeconds(5), 15); // slots 06:19 .. 06:33
        Map<String, List<Window>> windows = requestedWindows();

        assertEquals(SYMBOLS, windows.size());
        for (String symbol : symbols()) {
            List<Window> polls = windows.get(symbol);
            polls.forEach(w -> assertTrue(!w.to().isAfter(CLOSE), "no window beyond the close: " + w));
            assertEquals(CLOSE, polls.get(polls.size() - 1).to(), symbol + " collected up to the close: " + polls);
            // from the first full window on, every bar up to the close exactly once
            assertCoveredOnce(symbol, polls, polls.get(0).from(), CLOSE);
        }
    }

    private void runCycles(Instant start, int minutes) {
        for (int i = 0; i < minutes; i++) {
            clock.now = start.plus(MINUTE.multipliedBy(i));
            live.collectLastCompletedBar();
        }
    }

    private static void assertCoveredOnce(String symbol, List<Window> polls, Instant from, Instant to) {
        Map<Instant, Integer> times = new TreeMap<>();
        for (Window w : polls) {
            for (Instant bar = w.from(); bar.isBefore(w.to()); bar = bar.plus(MINUTE)) {
                times.merge(bar, 1, Integer::sum);
            }
        }
        for (Instant bar = from; bar.isBefore(to); bar = bar.plus(MINUTE)) {
            assertEquals(1, times.getOrDefault(bar, 0), symbol + " bar " + bar + " requested once: " + polls);
        }
        assertEquals(Duration.between(from, to).toMinutes(), times.keySet().stream()
                .filter(b -> !b.isBefore(from) && b.isBefore(to)).count());
    }

    record Window(Instant from, Instant to) {
    }

    /** The windows the securities API really saw, per symbol, oldest first. */
    private Map<String, List<Window>> requestedWindows() {
        Map<String, List<Window>> windows = new TreeMap<>();
        List<ServeEvent> events = new ArrayList<>(wireMock.getAllServeEvents());
        for (ServeEvent event : events) {
            var request = event.getRequest();
            if (!request.getUrl().startsWith("/market/data")) {
                continue;
            }
            windows.computeIfAbsent(request.queryParameter("symbol").firstValue(), s -> new ArrayList<>())
                    .add(new Window(Instant.parse(request.queryParameter("start_date").firstValue()),
                            Instant.parse(request.queryParameter("end_date").firstValue())));
        }
        windows.values().forEach(list -> list.sort((a, b) -> a.to().compareTo(b.to())));
        return windows;
    }
}
