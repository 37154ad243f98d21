package dev.marketpipe.simulator.account;

import jakarta.ws.rs.BadRequestException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A validated {@code GET /orders/history} request: the window {@code [from, to)} and paging, with the bounds of
 * {@code GET /market/data} (an ISO date is a whole exchange-local day, both ends inclusive; an ISO instant is
 * start-inclusive, end-exclusive; a missing bound means that bound's day, both missing today).
 */
public record OrderHistoryQuery(Instant from, Instant to, int limit, int page) {

    public static final int MAX_LIMIT = 1000;
    private static final int ECHO_MAX = 40;

    public static OrderHistoryQuery parse(String startDate, String endDate, String limit, String page, ZoneId zone,
            LocalDate today, int maxWindowDays) {
        int pageSize = integer("limit", limit, MAX_LIMIT, MAX_LIMIT);
        int pageNumber = integer("page", page, 1, Integer.MAX_VALUE);
        Instant start = bound("start_date", startDate, zone, false);
        Instant end = bound("end_date", endDate, zone, true);
        Instant from = start != null ? start
                : dayStart(end == null ? today : LocalDate.ofInstant(end.minusNanos(1), zone), zone);
        Instant to = end != null ? end : dayStart(LocalDate.ofInstant(from, zone).plusDays(1), zone);
        if (!from.isBefore(to)) {
            throw new BadRequestException("start_date must be before end_date (window [" + from + ", " + to + "))");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(maxWindowDays)) > 0) {
            throw new BadRequestException("the window [" + from + ", " + to + ") is longer than " + maxWindowDays
                    + " days; split it into several requests");
        }
        return new OrderHistoryQuery(from, to, pageSize, pageNumber);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    private static Instant bound(String name, String text, ZoneId zone, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return dayStart(end ? date.plusDays(1) : date, zone);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO date (2025-03-04) or an ISO instant"
                    + " (2025-03-04T00:00:00Z), was '" + echo(value) + "'");
        }
    }

    private static int integer(String name, String text, int absent, int max) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 1 || value > max) {
                throw new BadRequestException(name + " must be an integer from 1 to " + max + ", was " + value);
            }
            return (int) value;
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be an integer from 1 to " + max + ", was '" + echo(text) + "'");
        }
    }

    private static Instant dayStart(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }

    private static String echo(String text) {
        return text.length() <= ECHO_MAX ? text : text.substring(0, ECHO_MAX) + "…";
    }
}
