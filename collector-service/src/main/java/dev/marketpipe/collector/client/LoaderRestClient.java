package dev.marketpipe.collector.client;

import dev.marketpipe.wire.CollectionAttempt;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * loader-service's read API {@code GET /v1/coverage} (the system of record) and {@code POST /v1/collection-log}
 * (the loader owns {@code data_collection_log}).
 */
@ClientHeaderParam(name = "Authorization", value = "{dev.marketpipe.security.PipelineToken.authorization}",
        required = false)
@RegisterRestClient(configKey = "loader")
interface LoaderRestClient {

    @GET
    @Path("/v1/coverage")
    @Produces(MediaType.APPLICATION_JSON)
    StoredCoverage coverage(@QueryParam("symbol") String symbol, @QueryParam("interval") String interval,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @POST
    @Path("/v1/collection-log")
    @Consumes(MediaType.APPLICATION_JSON)
    Response record(CollectionAttempt attempt);
}
