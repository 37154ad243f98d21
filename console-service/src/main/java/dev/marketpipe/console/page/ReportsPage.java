package dev.marketpipe.console.page;

import dev.marketpipe.console.client.KeptReport;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** {@code /reports}: the index of the daily reports the loader kept, each opening as the loader rendered it. */
@Path("/reports")
@PermitAll
public class ReportsPage {

    private static final int LISTED = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(Chrome chrome, List<KeptReport> reports, String listError);
    }

    private final Pages pages;
    private final LoaderRestClient loader;

    public ReportsPage(Pages pages, @RestClient LoaderRestClient loader) {
        this.pages = pages;
        this.loader = loader;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index(@CookieParam(SignIns.COOKIE) String token) {
        Person person = pages.require(token);
        List<KeptReport> reports = List.of();
        String listError = null;
        try {
            reports = StageError.call("loader", () -> loader.kept(person.authorization(), LISTED));
        } catch (StageError e) {
            listError = e.getMessage();
        }
        return Response.ok(Templates.reports(pages.chrome("reports", person, null, null), reports, listError))
                .build();
    }

    @GET
    @Path("/{date}")
    @Produces(MediaType.TEXT_HTML)
    public Response kept(@CookieParam(SignIns.COOKIE) String token, @PathParam("date") String date,
            @QueryParam("interval") @DefaultValue("1m") String interval) {
        Person person = pages.require(token);
        return StagePage.html(() -> loader.keptPage(person.authorization(), date, interval));
    }
}
