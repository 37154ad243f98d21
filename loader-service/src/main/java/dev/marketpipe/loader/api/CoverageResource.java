package dev.marketpipe.loader.api;

import dev.marketpipe.loader.bars.TimeRange;
import dev.marketpipe.loader.coverage.Coverage;
import dev.marketpipe.loader.coverage.CoverageConfig;
import dev.marketpipe.loader.coverage.CoverageReader;
import dev.marketpipe.loader.database.TranslatesDatabaseFaults;
import dev.marketpipe.security.Roles;
import dev.marketpipe.wire.BarInterval;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

import java.time.Duration;

/**
 * {@code GET /v1/coverage}: which bars of one symbol and interval are stored in {@code [from, to)}, as runs of
 * consecutive bar starts per KRX trading date. The collector's gap-fill compares it with the market calendar
 * (architecture: services read the system of record through the loader's API; nothing calls back upstream).
 */
@RolesAllowed({Roles.PIPELINE, Roles.OPERATOR})
@Path("/v1/coverage")
@TranslatesDatabaseFaults
public class CoverageResource {

    private final CoverageReader reader;
    private final CoverageConfig config;

    public CoverageResource(CoverageReader reader, CoverageConfig config) {
        this.reader = reader;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Which bars of a symbol are stored, as runs per KST date",
            description = "Stored bars of one symbol and interval (1m, 5m, 1d) in [from, to) as runs of consecutive "
            + "bar starts per KST date; from/to are ISO instants or ISO dates (00:00 KST), at most "
            + "marketpipe.loader.coverage.max-range-days (100) apart. A complete day is one run; each hole splits a "
            + "run. Daily bars: one run per stored date. The collector's gap-fill compares it with the calendar.")
    @APIResponse(responseCode = "200", description = "the runs per date (no entry for a date without bars)",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = Coverage.class),
                    examples = @ExampleObject(name = "a three-hour hole", value = ApiExamples.COVERAGE)))
    @APIResponse(responseCode = "400", description = "an unknown interval, a missing or unreadable from/to, from not"
            + " before to, or a range too long", content = @Content(mediaType = ApiExamples.PROBLEM,
                    examples = @ExampleObject(name = "unknown interval", value = ApiExamples.UNKNOWN_INTERVAL)))
    @APIResponse(responseCode = "503", description = "the database is unreachable")
    public Coverage coverage(
            @Parameter(description = "the symbol (at most 20 characters)", required = true, example = "005930")
            @QueryParam("symbol") @NotBlank @Size(max = 20) String symbol,
            @Parameter(description = "1m, 5m or 1d", required = true, example = "1m")
            @QueryParam("interval") @NotBlank String interval,
            @Parameter(description = "start, inclusive: an ISO instant, or an ISO date (00:00 KST)", required = true,
                    example = "2025-03-04")
            @QueryParam("from") String from,
            @Parameter(description = "end, exclusive: an ISO instant, or an ISO date (00:00 KST)", required = true,
                    example = "2025-03-05")
            @QueryParam("to") String to) {
        BarInterval barInterval = BarInterval.fromCode(interval);
        TimeRange range = TimeRange.parse(from, to, Duration.ofDays(config.maxRangeDays()));
        return reader.read(symbol, barInterval, range);
    }
}
