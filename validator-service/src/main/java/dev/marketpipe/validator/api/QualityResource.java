package dev.marketpipe.validator.api;

import dev.marketpipe.security.Roles;
import dev.marketpipe.validator.quality.QualityTracker;
import dev.marketpipe.validator.quality.SymbolDayQuality;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/quality} (CONTRACTS.md "validator-service"): the quality score per symbol on one trading day, so a
 * person sees at a glance which stock had bad data today. From this process's memory: recent days only, and
 * empty after a restart (the loader's tables and the daily report are the durable record).
 */
@RolesAllowed({Roles.READER, Roles.OPERATOR})
@Path("/v1/quality")
public class QualityResource {

    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._-]{1,20}");

    private final QualityTracker quality;

    public QualityResource(QualityTracker quality) {
        this.quality = quality;
    }

    /** The answer: the trading date and each symbol's counts, symbols in order. */
    public record QualityDay(String date, Map<String, SymbolDayQuality> symbols) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Quality score per symbol on a trading day (KST), from the validator's memory")
    @APIResponse(responseCode = "200", description = "symbol → score, records, flagged, quarantined")
    @APIResponse(responseCode = "400", description = "missing or malformed date, malformed symbol")
    public QualityDay day(@QueryParam("date") String date, @QueryParam("symbol") String symbol) {
        if (date == null || date.isBlank()) {
            throw new BadRequestException("query parameter 'date' (YYYY-MM-DD) is required");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("date '" + date + "' is not an ISO date (YYYY-MM-DD)");
        }
        if (symbol != null && !SYMBOL.matcher(symbol).matches()) {
            throw new BadRequestException("symbol must be 1 to 20 letters, digits, '.', '_' or '-'");
        }
        return new QualityDay(day.toString(), quality.day(day, symbol));
    }
}
