package dev.marketpipe.loader.api;

import dev.marketpipe.loader.database.TranslatesDatabaseFaults;
import dev.marketpipe.loader.report.DailyReport;
import dev.marketpipe.loader.report.DailyReports;
import dev.marketpipe.wire.BarInterval;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;

/**
 * {@code GET /v1/reports/daily}: spec §11's post-market check of one KRX date, as JSON (the loader owns the market
 * and quarantine tables the report is made of).
 */
@Path("/v1/reports/daily")
@TranslatesDatabaseFaults
public class ReportResource {

    private final DailyReports reports;

    public ReportResource(DailyReports reports) {
        this.reports = reports;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Daily report of one KST date: per symbol expected, stored and missing bars (missing as "
            + "[from, to) KST ranges), quarantined records by reason, quality score; overall KPIs against spec §8")
    public DailyReport daily(@QueryParam("date") String date,
            @QueryParam("interval") @DefaultValue("1m") String interval) {
        return reports.report(parseDate(date), BarInterval.fromCode(interval.trim()));
    }

    private static LocalDate parseDate(String date) {
        if (date == null || date.isBlank()) {
            throw new IllegalArgumentException("date is required, an ISO date like 2025-03-04");
        }
        return TradingDates.parse(date);
    }
}
