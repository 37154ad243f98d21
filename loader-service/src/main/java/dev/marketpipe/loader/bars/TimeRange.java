package dev.marketpipe.loader.bars;

import dev.marketpipe.calendar.MarketCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A half-open range {@code [from, to)} of a read request. Each end is an ISO instant ({@code 2025-03-05T00:00:00Z},
 * an offset such as {@code +09:00} allowed) or an ISO date, which means 00:00 KST of that date, so one trading day
 * is {@code from=2025-03-05&to=2025-03-06}.
 */
public record TimeRange(Instant from, Instant to) {

    /** Both ends parsed; {@code from} before {@code to}, at most {@code max} apart, else the client's mistake. */
    public static TimeRange parse(String from, String to, Duration max) {
        Instant start = parseEnd("from", from);
        Instant end = parseEnd("to", to);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from must be before to (from is inclusive, to exclusive)");
        }
        if (Duration.between(start, end).compareTo(max) > 0) {
            throw new IllegalArgumentException("the range is longer than " + describe(max) + "; ask in pieces");
        }
        return new TimeRange(start, end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    /** KST calendar date of {@code from}. */
    public LocalDate firstDate() {
        return LocalDate.ofInstant(from, MarketCalendar.KRX_ZONE);
    }

    /** KST calendar date of {@code to} (may be past the range: callers filter by instant). */
    public LocalDate lastDate() {
        return LocalDate.ofInstant(to, MarketCalendar.KRX_ZONE);
    }

    private static Instant parseEnd(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " is required (an ISO date such as 2025-03-05 or an instant "
                    + "such as 2025-03-05T00:00:00Z)");
        }
        String value = text.trim();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(MarketCalendar.KRX_ZONE).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + abbreviate(value) + "' is neither an ISO date "
                    + "(2025-03-05) nor an ISO instant (2025-03-05T00:00:00Z)");
        }
    }

    private static String describe(Duration max) {
        return max.toSeconds() % 86_400 == 0 ? max.toDays() + " days" : max.toString();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
