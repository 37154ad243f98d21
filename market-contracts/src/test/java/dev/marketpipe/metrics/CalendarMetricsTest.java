package dev.marketpipe.metrics;

import dev.marketpipe.calendar.MarketCalendar;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The calendar's last covered date as a gauge (Prometheus: {@code marketpipe_calendar_last_covered_date_timestamp_seconds}),
 * which the alert KrxCalendarEnding watches.
 */
class CalendarMetricsTest {

    @Test
    void theShippedKrxListCoversTo2027AndConfiguredHolidaysDoNotExtendIt() {
        assertEquals(Optional.of(LocalDate.of(2027, 12, 31)), MarketCalendar.krx().lastCoveredDate());
        assertEquals(Optional.of(LocalDate.of(2027, 12, 31)),
                MarketCalendar.krx(List.of(LocalDate.of(2028, 1, 3))).lastCoveredDate());
    }

    @Test
    void theGaugeIsMidnightKstOfTheLastCoveredDate() {
        MeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new PrometheusConventions());
        new CalendarMetrics(MarketCalendar.krx()).bindTo(registry);
        double expected = ZonedDateTime.of(LocalDate.of(2027, 12, 31), LocalTime.MIDNIGHT, MarketCalendar.KRX_ZONE)
                .toEpochSecond();
        assertEquals(1_830_178_800.0, expected);
        assertEquals(expected, registry.get(CalendarMetrics.NAME).gauge().value());
        assertEquals("seconds", registry.get(CalendarMetrics.NAME).gauge().getId().getBaseUnit());
    }

    @Test
    void aCalendarWithoutHolidaysHasNoGauge() {
        MeterRegistry registry = new SimpleMeterRegistry();
        new CalendarMetrics(new MarketCalendar(MarketCalendar.KRX_ZONE, LocalTime.of(9, 0), LocalTime.of(15, 30),
                List.of(), Map.of())).bindTo(registry);
        assertNull(registry.find(CalendarMetrics.NAME).gauge());
    }
}
