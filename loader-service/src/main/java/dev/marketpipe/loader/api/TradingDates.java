package dev.marketpipe.loader.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The {@code date} query parameter (a KST trading date) of the quarantine listing and the daily report. */
final class TradingDates {

    private TradingDates() {
    }

    /** An ISO date; anything else is the client's mistake (400), not a 500. */
    static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date must be an ISO date like 2025-03-04, not '" + date + "'");
        }
    }
}
