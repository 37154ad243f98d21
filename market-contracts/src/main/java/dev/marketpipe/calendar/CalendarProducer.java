package dev.marketpipe.calendar;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/** The one {@link MarketCalendar} bean of every service: the KRX calendar with the operator's extra holidays. */
public class CalendarProducer {

    @Produces
    @Singleton
    MarketCalendar calendar(CalendarConfig config) {
        return MarketCalendar.krx(config.extraHolidays().orElse(List.of()));
    }
}
