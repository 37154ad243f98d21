package dev.marketpipe.simulator.data;

import dev.marketpipe.wire.BarInterval;
import jakarta.ws.rs.BadRequestException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A validated {@code GET /market/data} request (CONTRACTS.md): the window as instants
 * {@code [from, to)} plus paging. An ISO date bound means the whole exchange-local (KST) day, both ends inclusive;
 * an ISO instant bound is start-inclusive, end-exclusive. With one bound missing the window is that bound's day;
 * with both missing, today's.
 */
public record MarketDataQuery(String symbol, BarInterval interval, Instant from, Instant to, int limit, int page) {

    public static final int MAX_LIMIT = 1000;

    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9]{1,12}");
    private static final int ECHO_MAX = 40;

    /** Everything a caller can get wrong, checked in one place, each with a message a person can act on. */
    public static MarketDataQuery parse(String symbol, String interval, String startDate, String endDate,
            String limit, String page, ZoneId zone, LocalDate today, int maxWindowDays) {
        requireSymbol(symbol);
        if (interval == null || interval.isBlank()) {
            throw new BadRequestException("interval is required: 1m, 5m or 1d");
        }
        BarInterval barInterval;
        try {
            barInterval = BarInterval.fromCode(interval);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("unknown interval '" + echo(interval) + "'; expected 1m, 5m or 1d");
        }
        int pageSize = integer("limit", limit, MAX_LIMIT, 1, MAX_LIMIT);
        int pageNumber = integer("page", page, 1, 1, Integer.MAX_VALUE);

        Bound start = Bound.parse("start_date", startDate, zone);
        Bound end = Bound.parse("end_date", endDate, zone);
        Instant from;
        Instant to;
        if (start == null && end == null) {
            from = dayStart(today, zone);
            to = dayStart(today.plusDays(1), zone);
        } else if (start == null) {
            to = end.exclusiveEnd(zone);
            from = dayStart(LocalDate.ofInstant(to.minusNanos(1), zone), zone);
        } else if (end == null) {
            from = start.inclusiveStart(zone);
            to = dayStart(LocalDate.ofInstant(from, zone).plusDays(1), zone);
        } else {
            from = start.inclusiveStart(zone);
            to = end.exclusiveEnd(zone);
        }
        if (!from.isBefore(to)) {
            throw new BadRequestException("start_date must be before end_date (window [" + from + ", " + to + "))");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(maxWindowDays)) > 0) {
            throw new BadRequestException("the window [" + from + ", " + to + ") is longer than " + maxWindowDays
                    + " days; split it into several requests");
        }
        return new MarketDataQuery(symbol, barInterval, from, to, pageSize, pageNumber);
    }

    /** Checks the {@code symbol} parameter's presence and shape (whether it is known is a 404, decided later). */
    public static String requireSymbol(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new BadRequestException("symbol is required, e.g. symbol=005930");
        }
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new BadRequestException("symbol must be 1-12 letters or digits, was '" + echo(symbol) + "'");
        }
        return symbol;
    }

    /** First exchange-local date the window touches. */
    public LocalDate firstDate(ZoneId zone) {
        return LocalDate.ofInstant(from, zone);
    }

    /** Last exchange-local date the window touches. */
    public LocalDate lastDate(ZoneId zone) {
        return LocalDate.ofInstant(to.minusNanos(1), zone);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    private static int integer(String name, String text, int absent, int min, int max) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        String range = max == Integer.MAX_VALUE ? "an integer ≥ " + min : "an integer from " + min + " to " + max;
        try {
            long value = Long.parseLong(text.trim());
            if (value < min || value > max) {
                throw new BadRequestException(name + " must be " + range + ", was " + value);
            }
            return (int) value;
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be " + range + ", was '" + echo(text) + "'");
        }
    }

    private static Instant dayStart(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }

    private static String echo(String text) {
        return text.length() <= ECHO_MAX ? text : text.substring(0, ECHO_MAX) + "…";
    }

    /** One window bound as given: a whole exchange-local date or an exact instant. */
    private record Bound(LocalDate date, Instant instant) {

        static Bound parse(String name, String text, ZoneId zone) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String value = text.trim();
            try {
                if (value.length() == 10) {
                    return new Bound(LocalDate.parse(value), null);
                }
                return new Bound(null, OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException e) {
                throw new BadRequestException(name + " must be an ISO date (2025-03-04) or an ISO instant"
                        + " (2025-03-04T00:00:00Z), was '" + echo(value) + "'");
            }
        }

        Instant inclusiveStart(ZoneId zone) {
            return date != null ? dayStart(date, zone) : instant;
        }

        /** A date end includes its whole day. */
        Instant exclusiveEnd(ZoneId zone) {
            return date != null ? dayStart(date.plusDays(1), zone) : instant;
        }
    }
}
