package dev.marketpipe.collector.gapfill;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** loader-service's {@code GET /v1/coverage} (read API of the system of record). */
@ClientHeaderParam(name = "Authorization", value = "{dev.marketpipe.security.PipelineToken.authorization}",
        required = false)
@RegisterRestClient(configKey = "loader")
interface LoaderCoverageApi {

    @GET
    @Path("/v1/coverage")
    @Produces(MediaType.APPLICATION_JSON)
    StoredCoverage coverage(@QueryParam("symbol") String symbol, @QueryParam("interval") String interval,
            @QueryParam("from") String from, @QueryParam("to") String to);
}
