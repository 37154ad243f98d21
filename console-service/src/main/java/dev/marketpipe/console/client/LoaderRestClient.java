package dev.marketpipe.console.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** The loader's read API the console shows: quarantine and its decisions, daily reports, bars. */
@RegisterRestClient(configKey = "loader")
@Path("/v1")
public interface LoaderRestClient {

    @GET
    @Path("/quarantine")
    @Produces(MediaType.APPLICATION_JSON)
    List<QuarantineEntry> quarantine(@HeaderParam("Authorization") String authorization,
            @QueryParam("status") String status, @QueryParam("symbol") String symbol,
            @QueryParam("reason") String reason, @QueryParam("date") String date, @QueryParam("limit") int limit);

    /** {@code decision} is {@code approve} or {@code reject}. */
    @POST
    @Path("/quarantine/{id}/{decision}")
    @Produces(MediaType.APPLICATION_JSON)
    QuarantineEntry decide(@HeaderParam("Authorization") String authorization, @PathParam("id") long id,
            @PathParam("decision") String decision);

    @GET
    @Path("/reports/daily")
    @Produces(MediaType.APPLICATION_JSON)
    DailyReport daily(@HeaderParam("Authorization") String authorization, @QueryParam("date") String date,
            @QueryParam("interval") String interval);

    /** The daily report's own page (KPIs, heat-map), self-contained HTML. */
    @GET
    @Path("/reports/daily")
    @Produces(MediaType.TEXT_HTML)
    String dailyPage(@HeaderParam("Authorization") String authorization, @QueryParam("date") String date,
            @QueryParam("interval") String interval);

    @GET
    @Path("/reports/daily/kept")
    @Produces(MediaType.APPLICATION_JSON)
    List<KeptReport> kept(@HeaderParam("Authorization") String authorization, @QueryParam("limit") int limit);

    @GET
    @Path("/reports/daily/kept/{date}")
    @Produces(MediaType.TEXT_HTML)
    String keptPage(@HeaderParam("Authorization") String authorization, @PathParam("date") String date,
            @QueryParam("interval") String interval);

    @GET
    @Path("/bars")
    @Produces(MediaType.APPLICATION_JSON)
    List<Bar> bars(@HeaderParam("Authorization") String authorization, @QueryParam("symbol") String symbol,
            @QueryParam("interval") String interval, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") int limit);
}
