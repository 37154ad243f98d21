package dev.marketpipe.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** The collector's jobs API; {@code kind} is {@code backfills} or {@code gapfills} (the same contract). */
@RegisterRestClient(configKey = "collector")
@Path("/v1/{kind}")
@Produces(MediaType.APPLICATION_JSON)
public interface CollectorRestClient {

    @GET
    List<CollectorJob> list(@HeaderParam("Authorization") String authorization, @PathParam("kind") String kind,
            @QueryParam("limit") int limit);

    @GET
    @Path("/{id}")
    CollectorJob get(@HeaderParam("Authorization") String authorization, @PathParam("kind") String kind,
            @PathParam("id") String id);

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    CollectorJob start(@HeaderParam("Authorization") String authorization, @PathParam("kind") String kind,
            JobRequest request);

    @DELETE
    @Path("/{id}")
    CollectorJob cancel(@HeaderParam("Authorization") String authorization, @PathParam("kind") String kind,
            @PathParam("id") String id);
}
