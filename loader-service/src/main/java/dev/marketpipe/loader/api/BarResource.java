package dev.marketpipe.loader.api;

import dev.marketpipe.loader.bars.BarCursor;
import dev.marketpipe.loader.bars.BarPage;
import dev.marketpipe.loader.bars.BarReader;
import dev.marketpipe.loader.bars.StoredBar;
import dev.marketpipe.loader.bars.TimeRange;
import dev.marketpipe.loader.config.LoaderConfig;
import dev.marketpipe.loader.database.TranslatesDatabaseFaults;
import dev.marketpipe.loader.load.LoadRequestCheck;
import dev.marketpipe.security.Roles;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.BarWindow;
import dev.marketpipe.wire.BarWindows;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /v1/bars}: stored bars of one symbol and interval in {@code [from, to)}, in time order, for the
 * trading system, the validator's previous close and reports. The body stays a plain JSON
 * array (or CSV); a page that is not the last carries {@code Link: <…&cursor=…>; rel="next"} (RFC 8288). A symbol
 * with no bar at all in the interval's table is 404, so a typo is not mistaken for "nothing traded".
 */
@Path("/v1/bars")
@TranslatesDatabaseFaults
public class BarResource {

    /** Names the asked symbols {@code GET /v1/bars/latest} found no bar of (absent when all were found). */
    static final String UNKNOWN_SYMBOLS = "X-Unknown-Symbols";

    private final BarReader reader;
    private final LoaderConfig config;

    public BarResource(BarReader reader, LoaderConfig config) {
        this.reader = reader;
        this.config = config;
    }

    @RolesAllowed({Roles.READER, Roles.PIPELINE})
    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV})
    @Operation(summary = "Stored bars of one symbol and interval",
            description = "Bars of one symbol and interval (1m, 5m, 1d); from inclusive, to exclusive; each an ISO "
            + "instant or an ISO date (00:00 KST). Daily bars carry their trading date and the session open as "
            + "timestamp. Pages of at most limit bars; the next page is the Link header's rel=\"next\" URL. "
            + "JSON, or CSV with Accept: text/csv. At most marketpipe.loader.read.max-range (31 days for 1m/5m, "
            + "400 for 1d) per request.")
    @APIResponse(responseCode = "200", description = "the bars in time order ([] when a known symbol has none in the"
            + " range)",
            headers = @Header(name = "Link", description = "<…&cursor=…>; rel=\"next\" when more bars follow (RFC"
                    + " 8288); absent on the last page", schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = StoredBar.class),
                    examples = {@ExampleObject(name = "1-minute bars", value = ApiExamples.BARS),
                            @ExampleObject(name = "a daily bar", value = ApiExamples.DAILY_BARS)}),
                    @Content(mediaType = ApiExamples.CSV, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "1-minute bars as CSV", value = ApiExamples.BARS_CSV))})
    @APIResponse(responseCode = "400", description = "an unknown interval, a missing or unreadable from/to, from not"
            + " before to, a range too long, limit above max-rows, or a cursor that does not fit",
            content = @Content(mediaType = ApiExamples.PROBLEM, examples = {
                    @ExampleObject(name = "unknown interval", value = ApiExamples.UNKNOWN_INTERVAL),
                    @ExampleObject(name = "range too long", value = ApiExamples.RANGE_TOO_LONG)}))
    @APIResponse(responseCode = "404", description = "no bar of this symbol at all in the interval's table (a typo is"
            + " not \"nothing traded\")", content = @Content(mediaType = ApiExamples.PROBLEM,
                    examples = @ExampleObject(name = "unknown symbol", value = ApiExamples.BARS_UNKNOWN_SYMBOL)))
    @APIResponse(responseCode = "503", description = "the database is unreachable")
    public Response bars(
            @Parameter(description = "the symbol (at most 20 characters)", required = true, example = "005930")
            @QueryParam("symbol") @NotBlank @Size(max = 20) String symbol,
            @Parameter(description = "1m, 5m or 1d", required = true, example = "1m")
            @QueryParam("interval") @NotBlank String interval,
            @Parameter(description = "start, inclusive: an ISO instant, or an ISO date (00:00 KST)", required = true,
                    example = "2025-03-04T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "end, exclusive: an ISO instant, or an ISO date (00:00 KST)", required = true,
                    example = "2025-03-04T00:02:00Z")
            @QueryParam("to") String to,
            @Parameter(description = "most bars per page, 1 to marketpipe.loader.bars.max-rows (200000, the"
                    + " default)", example = "1000")
            @QueryParam("limit") @Min(1) Integer limit,
            @Parameter(description = "the page to continue from: take the Link header's next URL as it is"
                    + " (opaque)")
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        BarInterval barInterval = BarInterval.fromCode(interval);
        TimeRange range = TimeRange.parse(from, to, maxRange(barInterval));
        int maxRows = config.bars().maxRows();
        if (limit != null && limit > maxRows) {
            throw new IllegalArgumentException("limit must be at most " + maxRows);
        }
        Optional<BarCursor> after = cursor == null ? Optional.empty()
                : Optional.of(BarCursor.decode(cursor, symbol, range));
        BarPage page = reader.read(symbol, barInterval, range, after, limit == null ? maxRows : limit);
        if (page.bars().isEmpty() && !reader.isKnown(symbol, barInterval)) {
            throw new NotFoundException("no " + barInterval.code() + " bars of symbol " + symbol + " are stored");
        }
        Response.ResponseBuilder answer = ReadAnswers.ok(new GenericEntity<List<StoredBar>>(page.bars()) { },
                headers);
        page.next().ifPresent(next -> answer.links(Link.fromUriBuilder(
                uri.getRequestUriBuilder().replaceQueryParam("cursor", next.encode())).rel("next").build()));
        return answer.build();
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path("latest")
    @Produces({MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV})
    @Operation(summary = "The newest stored bar of each symbol",
            description = "The newest stored bar of each symbol (comma-separated, in the order asked) of one "
            + "interval. Symbols without any bar are named in the X-Unknown-Symbols header; 404 when none has one. "
            + "JSON, or CSV with Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "one bar per symbol that has one, in the order asked",
            headers = @Header(name = UNKNOWN_SYMBOLS, description = "the symbols asked that have no bar"
                    + " (comma-separated); absent when every symbol was found",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = StoredBar.class),
                    examples = @ExampleObject(name = "two symbols at the close", value = ApiExamples.LATEST_BARS)),
                    @Content(mediaType = ApiExamples.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "an unknown interval, an empty entry, a symbol over 20"
            + " characters or more than marketpipe.loader.read.max-symbols (500) symbols",
            content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "unknown interval",
                    value = ApiExamples.UNKNOWN_INTERVAL)))
    @APIResponse(responseCode = "404", description = "none of the symbols has a bar of this interval", content =
            @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "none stored",
                    value = ApiExamples.LATEST_NONE)))
    @APIResponse(responseCode = "503", description = "the database is unreachable")
    public Response latest(
            @Parameter(description = "symbols, comma-separated (duplicates count once)", required = true,
                    example = "005930,000660")
            @QueryParam("symbols") @NotBlank String symbols,
            @Parameter(description = "1m, 5m or 1d", required = true, example = "1m")
            @QueryParam("interval") @NotBlank String interval,
            @Context HttpHeaders headers) {
        BarInterval barInterval = BarInterval.fromCode(interval);
        List<String> asked = SymbolList.parse(symbols, config.read().maxSymbols());
        List<StoredBar> bars = reader.latest(asked, barInterval);
        if (bars.isEmpty()) {
            throw new NotFoundException("no " + barInterval.code() + " bars are stored for any of the "
                    + asked.size() + " symbols asked");
        }
        Response.ResponseBuilder answer = ReadAnswers.ok(new GenericEntity<List<StoredBar>>(bars) { }, headers);
        Set<String> found = bars.stream().map(StoredBar::symbol).collect(Collectors.toSet());
        List<String> unknown = asked.stream().filter(symbol -> !found.contains(symbol)).toList();
        if (!unknown.isEmpty()) {
            answer.header(UNKNOWN_SYMBOLS, String.join(",", unknown));
        }
        return answer.build();
    }

    @RolesAllowed({Roles.READER, Roles.PIPELINE})
    @POST
    @Path("windows")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stored bars of several windows in one request",
            description = "Stored bars of several windows in one request, each a symbol, an interval and [from, to) "
            + "(at most max-symbols windows, each within the interval's longest range and max-rows bars). One "
            + "answer per window, in the order asked; a symbol without bars has an empty list.")
    @RequestBody(required = true, description = "{\"windows\":[{symbol, interval, from, to}…]}: from and to ISO"
            + " instants, from before to",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = BarWindows.class),
                    examples = @ExampleObject(name = "a 1-minute window and a daily one",
                            value = ApiExamples.WINDOWS_REQUEST)))
    @APIResponse(responseCode = "200", description = "one answer per window, in the order asked",
            content = @Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(implementation = BarWindows.Answer.class),
                    examples = @ExampleObject(name = "bars, and none", value = ApiExamples.WINDOWS_ANSWER)))
    @APIResponse(responseCode = "400", description = "no windows, too many, or a window incomplete, backwards or too"
            + " long", content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(
                    name = "backwards", value = ApiExamples.WINDOWS_INVALID)))
    @APIResponse(responseCode = "503", description = "the database is unreachable")
    public BarWindows.Answer windows(BarWindows query) {
        if (query == null || query.windows() == null || query.windows().isEmpty()) {
            throw new BadRequestException("the request body must be {\"windows\":[…]} with at least one window");
        }
        int max = config.read().maxSymbols();
        if (query.windows().size() > max) {
            throw new BadRequestException("at most " + max + " windows per request, this one "
                    + query.windows().size());
        }
        List<BarWindows.Stored> answers = new ArrayList<>(query.windows().size());
        for (int i = 0; i < query.windows().size(); i++) {
            BarWindow window = checked(query.windows().get(i), i);
            BarPage page = reader.read(window.symbol(), window.interval(), new TimeRange(window.from(), window.to()),
                    Optional.empty(), config.bars().maxRows());
            answers.add(new BarWindows.Stored(window, page.bars().stream().map(BarResource::bar).toList()));
        }
        return new BarWindows.Answer(answers);
    }

    private BarWindow checked(BarWindow window, int index) {
        String where = "windows[" + index + "]";
        if (window == null || window.symbol() == null || window.symbol().isBlank() || window.interval() == null
                || window.from() == null || window.to() == null) {
            throw new BadRequestException(where + " needs symbol, interval, from and to");
        }
        if (window.symbol().length() > LoadRequestCheck.MAX_SYMBOL_LENGTH) {
            throw new BadRequestException(where + ".symbol is longer than " + LoadRequestCheck.MAX_SYMBOL_LENGTH
                    + " characters");
        }
        if (!window.from().isBefore(window.to())) {
            throw new BadRequestException(where + ": from must be before to");
        }
        if (Duration.between(window.from(), window.to()).compareTo(maxRange(window.interval())) > 0) {
            throw new BadRequestException(where + " is longer than " + maxRange(window.interval()).toDays()
                    + " days");
        }
        return window;
    }

    private static Bar bar(StoredBar stored) {
        return new Bar(stored.timestamp(), stored.symbol(), stored.open(), stored.high(), stored.low(), stored.close(),
                stored.volume(), stored.value());
    }

    private Duration maxRange(BarInterval interval) {
        return interval == BarInterval.ONE_DAY ? config.read().maxRange().daily()
                : config.read().maxRange().intraday();
    }
}
