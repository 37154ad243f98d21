package dev.marketpipe.loader.api;

import dev.marketpipe.loader.bars.BarReader;
import dev.marketpipe.loader.bars.StoredBar;
import dev.marketpipe.loader.bars.TimeRange;
import dev.marketpipe.loader.config.LoaderConfig;
import dev.marketpipe.loader.database.TranslatesDatabaseFaults;
import dev.marketpipe.wire.BarInterval;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * {@code GET /v1/bars}: stored bars of one symbol and interval in {@code [from, to)}, in time order. A client
 * pages through a long range by asking again from the last timestamp it got plus one interval.
 */
@Path("/v1/bars")
@TranslatesDatabaseFaults
public class BarResource {

    private final BarReader reader;
    private final LoaderConfig config;

    public BarResource(BarReader reader, LoaderConfig config) {
        this.reader = reader;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bars of one symbol and interval (1m, 5m, 1d); from inclusive, to exclusive; each an ISO "
            + "instant or an ISO date (00:00 KST). Daily bars carry their trading date and the session open as "
            + "timestamp.")
    public List<StoredBar> bars(
            @QueryParam("symbol") @NotBlank @Size(max = 20) String symbol,
            @QueryParam("interval") @NotBlank String interval,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") @Min(1) Integer limit) {
        BarInterval barInterval = BarInterval.fromCode(interval);
        TimeRange range = TimeRange.parse(from, to, config.bars().maxRangeDays());
        int maxRows = config.bars().maxRows();
        if (limit != null && limit > maxRows) {
            throw new IllegalArgumentException("limit must be at most " + maxRows);
        }
        return reader.read(symbol, barInterval, range, limit == null ? maxRows : limit);
    }
}
