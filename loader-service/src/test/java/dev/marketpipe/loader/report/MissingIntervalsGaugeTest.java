package dev.marketpipe.loader.report;

import dev.marketpipe.loader.LoaderApi;
import dev.marketpipe.loader.TestBatches;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.marketpipe.loader.report.ReportDays.kst;
import static dev.marketpipe.loader.report.ReportDays.quietRegularDay;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The KPI "missing data intervals" as the gauge {@code marketpipe_loader_missing_intervals{interval}}: only bars
 * that are due (their end at least the 10 min grace in the past) count, so the gauge rises during the day as holes
 * become due, and matches what the daily report will say.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class MissingIntervalsGaugeTest {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    MissingIntervalsToday missingIntervals;

    @Inject
    MeterRegistry registry;

    @Test
    void onlyDueHolesOfTheDayCount() {
        LocalDate day = quietRegularDay();
        String symbol = TestBatches.uniqueSymbol();
        Instant open = kst(day, 9, 0);
        // 09:00..09:30 stored but for 09:05..09:07 and 09:15
        List<Bar> bars = new ArrayList<>(TestBatches.bars(symbol, open, BarInterval.ONE_MINUTE, 31));
        bars.removeIf(b -> {
            long minute = Duration.between(open, b.timestamp()).toMinutes();
            return (minute >= 5 && minute <= 7) || minute == 15;
        });
        new LoaderApi(objectMapper).load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, bars));

        // 09:20: due are bars ending by 09:10, so the 09:05..09:07 hole (3) but not 09:15 yet
        assertEquals(3L, missingIntervals.refresh(kst(day, 9, 20)).get(BarInterval.ONE_MINUTE));
        assertEquals(3.0, gauge());
        // 09:26: 09:15 ended 09:16, exactly the grace ago: due now
        assertEquals(4L, missingIntervals.refresh(kst(day, 9, 26)).get(BarInterval.ONE_MINUTE));
        // 10:00: due up to 09:49 start; nothing stored after 09:30, so 09:31..09:49 (19) too
        assertEquals(4L + 19, missingIntervals.refresh(kst(day, 10, 0)).get(BarInterval.ONE_MINUTE));
        assertEquals(23.0, gauge());
        // the next calendar day is a new day: that day's holes only
        assertEquals(0L, missingIntervals.refresh(kst(day.plusDays(1), 8, 0)).get(BarInterval.ONE_MINUTE));
        assertEquals(0.0, gauge());
    }

    private double gauge() {
        return registry.get("marketpipe.loader.missing.intervals").tag("interval", "1m").gauge().value();
    }
}
