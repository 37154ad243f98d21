package dev.marketpipe.console.page;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.console.client.DailyReport;
import dev.marketpipe.console.client.LoaderRestClient;
import dev.marketpipe.console.client.StageError;
import dev.marketpipe.console.signin.Person;
import dev.marketpipe.console.signin.SignIns;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;

/**
 * {@code /today}: the KPIs of a KST date (completeness, missing intervals, quality) against their targets, each symbol's day with a link to its bars,
 * and the loader's own daily-report page with the completeness heat-map ({@code /today/report}, shown in a frame).
 */
@Path("/today")
@PermitAll
public class TodayPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance today(Chrome chrome, String date, String interval, DailyReport report,
                String reportError);
    }

    private final Pages pages;
    private final LoaderRestClient loader;

    public TodayPage(Pages pages, @RestClient LoaderRestClient loader) {
        this.pages = pages;
        this.loader = loader;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response today(@CookieParam(SignIns.COOKIE) String token, @QueryParam("date") String date,
            @QueryParam("interval") @DefaultValue("1m") String interval) {
        Person person = pages.require(token);
        String day = dayOrToday(date);
        DailyReport report = null;
        String reportError = null;
        try {
            report = StageError.call("loader", () -> loader.daily(person.authorization(), day, interval));
        } catch (StageError e) {
            reportError = e.getMessage();
        }
        return Response.ok(Templates.today(pages.chrome("today", person, null, null), day, interval, report,
                reportError)).build();
    }

    /** The loader's page of the report (KPIs, heat-map, missing intervals), as the loader renders it. */
    @GET
    @Path("/report")
    @Produces(MediaType.TEXT_HTML)
    public Response reportPage(@CookieParam(SignIns.COOKIE) String token, @QueryParam("date") String date,
            @QueryParam("interval") @DefaultValue("1m") String interval) {
        Person person = pages.require(token);
        return StagePage.html(() -> loader.dailyPage(person.authorization(), dayOrToday(date), interval));
    }

    static String dayOrToday(String date) {
        return date == null || date.isBlank() ? LocalDate.now(MarketCalendar.KRX_ZONE).toString() : date.strip();
    }
}
