package dev.marketpipe.collector.config;

import dev.marketpipe.calendar.MarketCalendar;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/** Provides the KRX calendar, extended by {@code marketpipe.collector.calendar.extra-holidays}. */
public class CalendarProducer {

    @Produces
    @Singleton
    MarketCalendar calendar(CollectorConfig config) {
        return MarketCalendar.krx(config.calendar().extraHolidays().orElse(List.of()));
    }
}
