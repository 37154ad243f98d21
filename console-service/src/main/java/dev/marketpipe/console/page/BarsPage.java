package dev.marketpipe.console.page;

import dev.marketpipe.console.client.Bar;
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
import java.util.List;

/** {@code /bars}: one symbol's stored bars of one KST date, as the trading system reads them (role reader). */
@Path("/bars")
@PermitAll
public class BarsPage {

    private static final int MAX_BARS = 1000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bars(Chrome chrome, String symbol, String date, String interval,
                List<Bar> bars, String readError);
    }

    private final Pages pages;
    private final LoaderRestClient loader;

    public BarsPage(Pages pages, @RestClient LoaderRestClient loader) {
        this.pages = pages;
        this.loader = loader;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response bars(@CookieParam(SignIns.COOKIE) String token, @QueryParam("symbol") String symbol,
            @QueryParam("date") String date, @QueryParam("interval") @DefaultValue("1m") String interval) {
        Person person = pages.require(token);
        String day = TodayPage.dayOrToday(date);
        List<Bar> bars = List.of();
        String readError = null;
        if (symbol == null || symbol.isBlank()) {
            readError = "Name a symbol.";
        } else {
            try {
                LocalDate from = LocalDate.parse(day);
                bars = StageError.call("loader", () -> loader.bars(person.authorization(), symbol.strip(),
                        interval, from.toString(), from.plusDays(1).toString(), MAX_BARS));
            } catch (java.time.format.DateTimeParseException e) {
                readError = "The date must be YYYY-MM-DD.";
            } catch (StageError e) {
                readError = e.getMessage();
            }
        }
        return Response.ok(Templates.bars(pages.chrome("today", person, null, null), symbol, day, interval, bars,
                readError)).build();
    }
}
