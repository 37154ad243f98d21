package dev.marketpipe.collector.config;

import dev.marketpipe.calendar.MarketCalendar;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Provides the KRX calendar, extended by {@code marketpipe.calendar.extra-holidays} (same key in every service). */
public class CalendarProducer {

    @Produces
    @Singleton
    MarketCalendar calendar(@ConfigProperty(name = "marketpipe.calendar.extra-holidays") Optional<List<LocalDate>> extra) {
        return MarketCalendar.krx(extra.orElse(List.of()));
    }
}
