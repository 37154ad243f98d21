package dev.marketpipe.collector.schedule;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.MutableClock;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class LiveCollectorTest {

    WireMockServer wireMock;

    @Inject
    LiveCollector live;

    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void reset() {
        ApiStubs.reset(wireMock);
        QuarkusMock.installMockForType(clock, MarketClock.class);
    }

    @Test
    void collectsTheMinuteThatJustCompletedForEverySymbolOnce() {
        clock.now = Instant.parse("2025-03-04T01:05:05Z"); // 10:05:05 KST, a Tuesday
        assertEquals(Optional.of(Instant.parse("2025-03-04T01:04:00Z")), live.collectLastCompletedBar());
        wireMock.verify(20, getRequestedFor(urlPathEqualTo("/market/data"))
                .withQueryParam("start_date", equalTo("2025-03-04T01:04:00Z"))
                .withQueryParam("end_date", equalTo("2025-03-04T01:05:00Z")));
        wireMock.verify(20, postRequestedFor(urlEqualTo("/v1/batches")));

        assertTrue(live.collectLastCompletedBar().isEmpty(), "the same bar is not collected twice");
        wireMock.verify(20, getRequestedFor(urlPathEqualTo("/market/data")));
    }

    @Test
    void theSessionsLastBarIsCollectedJustAfterTheClose() {
        clock.now = Instant.parse("2025-03-05T06:30:05Z"); // 15:30:05 KST
        assertEquals(Optional.of(Instant.parse("2025-03-05T06:29:00Z")), live.collectLastCompletedBar());
    }

    @Test
    void nothingIsCollectedOutsideMarketHours() {
        clock.now = Instant.parse("2025-03-06T08:00:05Z"); // 17:00 KST
        assertTrue(live.collectLastCompletedBar().isEmpty());
        clock.now = Instant.parse("2025-03-08T01:05:05Z"); // Saturday 10:05 KST
        assertTrue(live.collectLastCompletedBar().isEmpty());
        clock.now = Instant.parse("2025-01-28T01:05:05Z"); // Seollal holiday
        assertTrue(live.collectLastCompletedBar().isEmpty());
        clock.now = Instant.parse("2025-03-06T23:59:05Z"); // 08:59 KST next morning, before the open
        assertTrue(live.collectLastCompletedBar().isEmpty());
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/market/data")));
    }
}
