package dev.marketpipe.console.page;

import dev.marketpipe.console.client.LoaderRestClient;
import dev.marketpipe.console.client.QuarantineEntry;
import dev.marketpipe.console.client.StageError;
import dev.marketpipe.console.signin.Person;
import dev.marketpipe.console.signin.SignIns;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/**
 * {@code /review}: the loader's quarantine queue with its filters, each record with its reasons, and approve / reject
 * buttons. The decision is the loader's: it records the signed-in person (the token's name) as the reviewer.
 */
@Path("/review")
@PermitAll
public class ReviewPage {

    private static final int LISTED = 100;

    /** The filters of the form, as given. */
    public record Filters(String status, String symbol, String reason, String date) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(Chrome chrome, Filters filters, List<QuarantineEntry> entries,
                String listError, String back);
    }

    private final Pages pages;
    private final LoaderRestClient loader;

    public ReviewPage(Pages pages, @RestClient LoaderRestClient loader) {
        this.pages = pages;
        this.loader = loader;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response queue(@CookieParam(SignIns.COOKIE) String token, @QueryParam("status") String status,
            @QueryParam("symbol") String symbol, @QueryParam("reason") String reason,
            @QueryParam("date") String date, @QueryParam("notice") String notice,
            @QueryParam("error") String error, @Context UriInfo uri) {
        Person person = pages.require(token);
        Filters filters = new Filters(Pages.blankToNull(status), Pages.blankToNull(symbol),
                Pages.blankToNull(reason), Pages.blankToNull(date));
        List<QuarantineEntry> entries = List.of();
        String listError = null;
        try {
            entries = StageError.call("loader", () -> loader.quarantine(person.authorization(),
                    filters.status(), filters.symbol(), filters.reason(), filters.date(), LISTED));
        } catch (StageError e) {
            listError = e.getMessage();
        }
        String back = uri.getRequestUri().getRawQuery() == null ? "" : uri.getRequestUri().getRawQuery();
        return Response.ok(Templates.review(pages.chrome("review", person, notice, error), filters, entries,
                listError, back)).build();
    }

    /** {@code decision} is {@code approve} or {@code reject}; back to the queue as it was filtered. */
    @POST
    @Path("/{id}/{decision}")
    public Response decide(@CookieParam(SignIns.COOKIE) String token, @PathParam("id") long id,
            @PathParam("decision") String decision, @QueryParam("status") String status,
            @QueryParam("symbol") String symbol, @QueryParam("reason") String reason,
            @QueryParam("date") String date) {
        Person person = pages.require(token);
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new NotFoundException("a decision is approve or reject");
        }
        String notice = null;
        String error = null;
        try {
            QuarantineEntry decided = StageError.call("loader",
                    () -> loader.decide(person.authorization(), id, decision));
            notice = "#" + id + " " + decided.symbol() + " " + decided.status() + " by " + decided.decidedBy();
        } catch (StageError e) {
            error = "#" + id + ": " + e.getMessage();
        }
        UriBuilder target = UriBuilder.fromPath("/review");
        filter(target, "status", status);
        filter(target, "symbol", symbol);
        filter(target, "reason", reason);
        filter(target, "date", date);
        return Pages.back(target, notice, error);
    }

    private static void filter(UriBuilder target, String name, String value) {
        if (value != null && !value.isBlank()) {
            target.queryParam(name, value);
        }
    }
}
