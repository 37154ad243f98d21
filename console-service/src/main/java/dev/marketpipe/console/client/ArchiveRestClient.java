package dev.marketpipe.console.client;

import jakarta.ws.rs.Consumes;
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

/** The archive's replays. */
@RegisterRestClient(configKey = "archive")
@Path("/v1/replays")
@Produces(MediaType.APPLICATION_JSON)
public interface ArchiveRestClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Replay start(@HeaderParam("Authorization") String authorization, ReplayRequest request);

    @GET
    List<Replay> list(@HeaderParam("Authorization") String authorization, @QueryParam("limit") int limit);

    @GET
    @Path("/{id}")
    Replay get(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);
}
