package dev.marketpipe.loader.config;

import dev.marketpipe.calendar.MarketCalendar;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/** The KRX calendar with the operator's extra holidays, for everything of the loader that expects bars. */
public class CalendarBeans {

    @Produces
    @Singleton
    MarketCalendar calendar(CalendarConfig config) {
        return MarketCalendar.krx(config.extraHolidays().orElse(List.of()));
    }
}
