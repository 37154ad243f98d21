package dev.marketpipe.simulator.config;

import io.smallrye.config.ConfigMapping;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Operator additions to the shipped KRX calendar (spec §2 "Trading Hours"), shared name with the collector. */
@ConfigMapping(prefix = "marketpipe.calendar")
public interface CalendarConfig {

    /** Extra exchange holidays (ISO dates), e.g. an announced election day. */
    Optional<List<LocalDate>> extraHolidays();
}
