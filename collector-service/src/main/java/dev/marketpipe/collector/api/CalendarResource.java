package dev.marketpipe.collector.api;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The market calendar the collector plans with: which dates trade and their sessions (spec §2 trading hours). */
@RolesAllowed({Roles.READER, Roles.OPERATOR})
@Path("/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    private static final long MAX_DAYS = 3660;

    private final MarketCalendar calendar;

    CalendarResource(MarketCalendar calendar) {
        this.calendar = calendar;
    }

    /** Sessions of the trading dates from {@code from} to {@code to}, both inclusive. */
    @GET
    @Path("/sessions")
    public List<Session> sessions(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw new BadRequestException("'from' must not be after 'to', and the range may span at most " + MAX_DAYS + " days");
        }
        return calendar.tradingDays(start, end).stream().map(day -> calendar.session(day).orElseThrow()).toList();
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("query parameter '" + name + "' is required (an ISO date such as 2025-03-04)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("query parameter '" + name + "' is not an ISO date: " + value);
        }
    }
}
