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
    @Operation(summary = "Stored bars of one symbol and interval (1m, 5m, 1d) in [from, to) as runs of consecutive "
            + "bar starts per KST date; from/to are ISO instants or ISO dates (00:00 KST)")
    public Coverage coverage(
            @QueryParam("symbol") @NotBlank @Size(max = 20) String symbol,
            @QueryParam("interval") @NotBlank String interval,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        BarInterval barInterval = BarInterval.fromCode(interval);
        TimeRange range = TimeRange.parse(from, to, Duration.ofDays(config.maxRangeDays()));
        return reader.read(symbol, barInterval, range);
    }
}
