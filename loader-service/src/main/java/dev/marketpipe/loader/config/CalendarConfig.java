package dev.marketpipe.loader.config;

import io.smallrye.config.ConfigMapping;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Operator additions to the shipped KRX calendar (spec §2 "Trading Hours"), e.g. a newly announced election day:
 * the same property as the validator's and the collector's, so the daily report expects what they expect.
 */
@ConfigMapping(prefix = "marketpipe.calendar")
public interface CalendarConfig {

    /** Extra exchange holidays, comma-separated ISO dates. */
    Optional<List<LocalDate>> extraHolidays();
}
