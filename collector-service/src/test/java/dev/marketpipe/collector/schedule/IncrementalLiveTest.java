package dev.marketpipe.collector.schedule;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.MutableClock;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The live job resumes from the collection state: a short hole is caught up, a collected bar is not fetched again. */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class IncrementalLiveTest {

    WireMockServer wireMock;

    @Inject
    LiveCollector live;

    @Inject
    DataSource dataSource;

    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void reset() {
        ApiStubs.reset(wireMock);
        QuarkusMock.installMockForType(clock, MarketClock.class);
    }

    @AfterEach
    void forgetTheState() throws SQLException {
        sql("DELETE FROM collection_state WHERE last_bar_start >= '2025-03-07'");
    }

    @Test
    void afterARestartTheLiveJobCatchesUpFromTheLastArchivedBar() throws SQLException {
        sql("INSERT INTO collection_state (symbol, interval, last_bar_start) VALUES"
                + " ('005930', '1m', '2025-03-07T01:00:00Z'), ('035420', '1m', '2025-03-07T01:04:00Z'),"
                + " ('000660', '1m', '2025-03-07T00:30:00Z')"
                + " ON CONFLICT (symbol, interval) DO UPDATE SET last_bar_start = EXCLUDED.last_bar_start");
        clock.now = Instant.parse("2025-03-07T01:05:05Z"); // the bar of 10:04 KST just completed

        live.collectLastCompletedBar();

        // 005930 stopped at 10:00: 10:01..10:04 in one request
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/market/data")).withQueryParam("symbol", WireMock.equalTo("005930"))
                .withQueryParam("start_date", WireMock.equalTo("2025-03-07T01:01:00Z"))
                .withQueryParam("end_date", WireMock.equalTo("2025-03-07T01:05:00Z")));
        // 035420 already has 10:04 (another replica collected it this cycle): not fetched twice
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/market/data")).withQueryParam("symbol", WireMock.equalTo("035420")));
        // 000660's hole is older than max-catch-up: only the new bar, the gap-fill job heals the rest
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/market/data")).withQueryParam("symbol", WireMock.equalTo("000660"))
                .withQueryParam("start_date", WireMock.equalTo("2025-03-07T01:04:00Z")));
        wireMock.verify(19, getRequestedFor(urlPathEqualTo("/market/data")));
    }

    @Test
    void archivedBarsAdvanceTheStateButAnUnfinishedOrOffSessionBarDoesNot() throws SQLException {
        clock.now = Instant.parse("2025-03-07T01:06:05Z"); // the bar of 10:05 KST just completed
        wireMock.stubFor(WireMock.get(urlPathEqualTo("/market/data")).willReturn(okJson("""
                {"status":"success","data":[
                  {"timestamp":"2025-03-07T01:05:00Z","symbol":"005930","open":1,"high":1,"low":1,"close":1,"volume":1},
                  {"timestamp":"2025-03-07T01:06:00Z","symbol":"005930","open":1,"high":1,"low":1,"close":1,"volume":1},
                  {"timestamp":"2025-03-07T07:00:00Z","symbol":"005930","open":1,"high":1,"low":1,"close":1,"volume":1}
                ],"meta":{"total_records":3,"page":1,"total_pages":1}}""")));
        live.collectLastCompletedBar();
        assertEquals("2025-03-07T01:05:00Z", stateOf("005930"), "10:06 is still running, 16:00 is off-session");
    }

    private String stateOf(String symbol) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var r = s.executeQuery("SELECT to_char(last_bar_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                        + " FROM collection_state WHERE interval = '1m' AND symbol = '" + symbol + "'")) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
