package dev.marketpipe.collector.outcome;

import dev.marketpipe.wire.CollectionAttempt;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** loader-service's {@code POST /v1/collection-log} (the loader owns {@code data_collection_log}). */
@ClientHeaderParam(name = "Authorization", value = "{dev.marketpipe.security.PipelineToken.authorization}",
        required = false)
@RegisterRestClient(configKey = "loader")
interface CollectionLogApi {

    @POST
    @Path("/v1/collection-log")
    @Consumes(MediaType.APPLICATION_JSON)
    Response record(CollectionAttempt attempt);
}
