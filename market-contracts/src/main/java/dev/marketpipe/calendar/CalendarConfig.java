package dev.marketpipe.calendar;

import io.smallrye.config.ConfigMapping;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The operator's additions to the shipped KRX calendar, e.g. a newly announced election day. One key for every
 * service ({@code marketpipe.calendar.extra-holidays}, env {@code MARKETPIPE_CALENDAR_EXTRA_HOLIDAYS}), so the
 * collector, the validator, the loader's reports and the simulator expect the same trading days.
 */
@ConfigMapping(prefix = "marketpipe.calendar")
public interface CalendarConfig {

    /** Extra exchange holidays, comma-separated ISO dates. */
    Optional<List<LocalDate>> extraHolidays();
}
