package dev.marketpipe.loader.api;

import dev.marketpipe.loader.config.LoaderConfig;
import dev.marketpipe.loader.database.TranslatesDatabaseFaults;
import dev.marketpipe.loader.report.DailyReport;
import dev.marketpipe.loader.report.DailyReports;
import dev.marketpipe.loader.report.KeptReports;
import dev.marketpipe.loader.report.ReportKeeper;
import dev.marketpipe.security.Roles;
import dev.marketpipe.wire.BarInterval;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/**
 * {@code /v1/reports/daily}: the after-close check of one KRX date (the loader owns the market and quarantine
 * tables the report is made of), as JSON for programs or as an HTML page for a person ({@code Accept: text/html}),
 * live or as kept by the after-close job.
 */
@Path("/v1/reports/daily")
@TranslatesDatabaseFaults
public class ReportResource {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final DailyReports reports;
    private final ReportKeeper keeper;
    private final KeptReports kept;
    private final LoaderConfig config;

    public ReportResource(DailyReports reports, ReportKeeper keeper, KeptReports kept, LoaderConfig config) {
        this.reports = reports;
        this.keeper = keeper;
        this.kept = kept;
        this.config = config;
    }

    @RolesAllowed({Roles.READER, Roles.OPERATOR})
    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "Daily report of one KST date",
            description = "Daily report of one KST date: per symbol expected, stored and missing bars (missing as "
            + "[from, to) KST ranges), quarantined records by reason, quality score; overall KPIs against targets. "
            + "JSON by default; Accept: text/html gives the page with the completeness heat-map. A 1m report also "
            + "has the real-time figures (trades, minutes built from ticks, bars that differed).")
    @APIResponse(responseCode = "200", description = "the report, made now",
            content = {@Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = DailyReport.class),
                    examples = @ExampleObject(name = "three bars missing, two quarantined",
                            value = ApiExamples.DAILY_REPORT)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "the page", value = ApiExamples.DAILY_REPORT_HTML))})
    @APIResponse(responseCode = "400", description = "date missing or not ISO, or an unknown interval",
            content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "not a date",
                    value = ApiExamples.DATE_INVALID)))
    @APIResponse(responseCode = "503", description = "the database is unreachable")
    public Response daily(
            @Parameter(description = "the KST trading date, YYYY-MM-DD", required = true, example = "2025-03-04")
            @QueryParam("date") String date,
            @Parameter(description = "1m, 5m or 1d (default 1m)", example = "1m")
            @QueryParam("interval") @DefaultValue("1m") String interval, @Context HttpHeaders headers) {
        DailyReport report = reports.report(parseDate(date), BarInterval.fromCode(interval.trim()));
        if (wantsHtml(headers)) {
            return Response.ok(reports.page(report, Instant.now()).render(), HTML).build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{date}/generations")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate and keep the daily report of a KST date",
            description = "Generate the daily report of a KST date now and keep it (replacing one kept before): "
            + "201 when new, 200 when replaced, with the kept report. The after-close job does the same at 16:10 KST "
            + "on trading days.")
    @APIResponse(responseCode = "201", description = "kept for the first time",
            headers = {@Header(name = "Location", description = "the kept report,"
                    + " /v1/reports/daily/kept/{date}?interval=…", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = "when it was generated",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = DailyReport.class),
                    examples = @ExampleObject(name = "kept", value = ApiExamples.DAILY_REPORT)))
    @APIResponse(responseCode = "200", description = "replaced the report kept before",
            headers = @Header(name = "Last-Modified", description = "when it was generated",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = DailyReport.class),
                    examples = @ExampleObject(name = "replaced", value = ApiExamples.DAILY_REPORT)))
    @APIResponse(responseCode = "400", description = "a date that is not ISO, or an unknown interval",
            content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "not a date",
                    value = ApiExamples.DATE_INVALID)))
    @APIResponse(responseCode = "503", description = "the database is unreachable")
    public Response generate(
            @Parameter(description = "the KST trading date, YYYY-MM-DD", example = "2025-03-04")
            @PathParam("date") String date,
            @Parameter(description = "1m, 5m or 1d (default 1m)", example = "1m")
            @QueryParam("interval") @DefaultValue("1m") String interval) {
        ReportKeeper.Generation generation = keeper.keep(TradingDates.parse(date),
                BarInterval.fromCode(interval.trim()));
        KeptReports.Kept report = generation.report();
        Response.ResponseBuilder answer = generation.created()
                ? Response.created(UriBuilder.fromResource(ReportResource.class).path("kept/{date}")
                        .queryParam("interval", report.interval().code()).build(report.date().toString()))
                : Response.ok();
        return answer.entity(report.json()).type(MediaType.APPLICATION_JSON)
                .lastModified(Date.from(report.generatedAt())).build();
    }

    @RolesAllowed({Roles.READER, Roles.OPERATOR})
    @GET
    @Path("/kept")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Kept daily reports, newest date first: date, interval, generatedAt, overall KPI status",
            description = "status is the worst of the report's three KPIs (ok, warning, alert).")
    @APIResponse(responseCode = "200", description = "at most limit summaries",
            content = @Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = KeptReports.Summary.class),
                    examples = @ExampleObject(name = "one date, two intervals", value = ApiExamples.KEPT_REPORTS)))
    @APIResponse(responseCode = "400", description = "limit outside 1..max, offset below 0", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "limit too high",
                    value = ApiExamples.LIMIT_TOO_HIGH)))
    @APIResponse(responseCode = "503", description = "the database is unreachable")
    public List<KeptReports.Summary> keptList(
            @Parameter(description = "most reports, 1 to marketpipe.loader.lists.max-limit (1000; default 100)",
                    example = "100") @QueryParam("limit") @Min(1) Integer limit,
            @Parameter(description = "reports to skip (paging), 0 or more", example = "0")
            @QueryParam("offset") @Min(0) Integer offset) {
        return kept.list(Limits.of(limit, config.lists()), offset == null ? 0 : offset);
    }

    @RolesAllowed({Roles.READER, Roles.OPERATOR})
    @GET
    @Path("/kept/{date}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "A kept daily report as generated",
            description = "A kept daily report as generated (Last-Modified: when); JSON by default, the page with "
            + "Accept: text/html; 404 when none was kept for the date and interval")
    @APIResponse(responseCode = "200", description = "the report as kept",
            headers = @Header(name = "Last-Modified", description = "when it was generated",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = DailyReport.class),
                    examples = @ExampleObject(name = "kept report", value = ApiExamples.DAILY_REPORT)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "the page", value = ApiExamples.DAILY_REPORT_HTML))})
    @APIResponse(responseCode = "400", description = "a date that is not ISO, or an unknown interval",
            content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "not a date",
                    value = ApiExamples.DATE_INVALID)))
    @APIResponse(responseCode = "404", description = "no report is kept for this date and interval",
            content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "none kept",
                    value = ApiExamples.KEPT_NONE)))
    @APIResponse(responseCode = "503", description = "the database is unreachable")
    public Response keptReport(
            @Parameter(description = "the KST trading date, YYYY-MM-DD", example = "2025-03-04")
            @PathParam("date") String date,
            @Parameter(description = "1m, 5m or 1d (default 1m)", example = "1m")
            @QueryParam("interval") @DefaultValue("1m") String interval, @Context HttpHeaders headers) {
        LocalDate day = TradingDates.parse(date);
        BarInterval barInterval = BarInterval.fromCode(interval.trim());
        KeptReports.Kept report = kept.find(day, barInterval).orElseThrow(() -> new NotFoundException(
                "no daily report of " + day + " (" + barInterval.code() + ") is kept; POST /v1/reports/daily/"
                        + day + "/generations?interval=" + barInterval.code() + " makes one"));
        return (wantsHtml(headers) ? Response.ok(report.html(), HTML)
                : Response.ok(report.json(), MediaType.APPLICATION_JSON))
                .lastModified(Date.from(report.generatedAt())).build();
    }

    /** HTML only when the client prefers it ({@code text/html} before any JSON or wildcard): JSON stays the default. */
    private static boolean wantsHtml(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate parseDate(String date) {
        if (date == null || date.isBlank()) {
            throw new IllegalArgumentException("date is required, an ISO date like 2025-03-04");
        }
        return TradingDates.parse(date);
    }
}
