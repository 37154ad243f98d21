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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    @Operation(summary = "Quality score per symbol on a trading day (KST), from the validator's memory",
            description = "Per symbol, counted by each record's KST date from the batches the loader newly stored"
                    + " since this process started: records (superseded duplicates included), flagged, quarantined,"
                    + " and score = accepted without a flag / records. Only the newest retained-days days are kept;"
                    + " an unknown day or symbol gives an empty symbols.")
    @APIResponse(responseCode = "200", description = "symbol → score, records, flagged, quarantined",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = QualityDay.class),
                    examples = @ExampleObject(name = "one symbol", value = ApiExamples.QUALITY_DAY)))
    @APIResponse(responseCode = "400", description = "missing or malformed date, malformed symbol",
            content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "no date",
                    value = ApiExamples.QUALITY_NO_DATE)))
    public QualityDay day(
            @Parameter(description = "the KST trading date, YYYY-MM-DD", required = true, example = "2025-03-06")
            @QueryParam("date") String date,
            @Parameter(description = "only this symbol (1-20 letters, digits, '.', '_' or '-')", example = "005930")
            @QueryParam("symbol") String symbol) {
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
