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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The market calendar the collector plans with: which dates trade and their sessions (KRX trading hours). */
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
    @Operation(summary = "Trading sessions of a date range",
            description = "The KRX regular session (open and close as instants) of every trading date from..to,"
                    + " both inclusive, at most 3660 days: weekends and holidays are left out, special sessions"
                    + " (a 10:00 first trading day, the CSAT day) have their own hours.")
    @APIResponse(responseCode = "200", description = "the sessions in date order (empty: no trading date)",
            content = @Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Session.class),
                    examples = @ExampleObject(name = "a holiday and two sessions", value = ApiExamples.SESSIONS)))
    @APIResponse(responseCode = "400", description = "from or to missing or not an ISO date, from after to, or a"
            + " range over 3660 days", content = @Content(mediaType = ApiExamples.PROBLEM,
                    examples = @ExampleObject(name = "not a date", value = ApiExamples.SESSIONS_DATE_INVALID)))
    public List<Session> sessions(
            @Parameter(description = "first date, ISO (KST trading date), inclusive", required = true,
                    example = "2025-03-03") @QueryParam("from") String from,
            @Parameter(description = "last date, ISO (KST trading date), inclusive", required = true,
                    example = "2025-03-05") @QueryParam("to") String to) {
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
