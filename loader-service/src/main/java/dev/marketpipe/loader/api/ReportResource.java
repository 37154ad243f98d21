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

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/**
 * {@code /v1/reports/daily}: spec §11's post-market check of one KRX date (the loader owns the market and quarantine
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
    @Operation(summary = "Daily report of one KST date: per symbol expected, stored and missing bars (missing as "
            + "[from, to) KST ranges), quarantined records by reason, quality score; overall KPIs against spec §8. "
            + "JSON by default; Accept: text/html gives the page with the completeness heat-map")
    public Response daily(@QueryParam("date") String date,
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
    @Operation(summary = "Generate the daily report of a KST date now and keep it (replacing one kept before): "
            + "201 when new, 200 when replaced, with the kept report")
    public Response generate(@PathParam("date") String date,
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
    @Operation(summary = "Kept daily reports, newest date first: date, interval, generatedAt, overall KPI status")
    public List<KeptReports.Summary> keptList(@QueryParam("limit") @Min(1) Integer limit,
            @QueryParam("offset") @Min(0) Integer offset) {
        return kept.list(Limits.of(limit, config.lists()), offset == null ? 0 : offset);
    }

    @RolesAllowed({Roles.READER, Roles.OPERATOR})
    @GET
    @Path("/kept/{date}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "A kept daily report as generated (Last-Modified: when); JSON by default, the page with "
            + "Accept: text/html; 404 when none was kept for the date and interval")
    public Response keptReport(@PathParam("date") String date,
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
