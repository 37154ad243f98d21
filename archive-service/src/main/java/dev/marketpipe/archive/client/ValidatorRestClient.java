package dev.marketpipe.archive.client;

import dev.marketpipe.wire.BatchGroup;
import dev.marketpipe.wire.CollectedBatch;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** validator-service's {@code POST /v1/validations} and {@code …/groups} (CONTRACTS.md "validator-service"). */
@ClientHeaderParam(name = "Authorization", value = "{dev.marketpipe.security.PipelineToken.authorization}",
        required = false)
@RegisterRestClient(configKey = "validator")
@Path("/v1/validations")
interface ValidatorRestClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response validate(CollectedBatch batch);

    @POST
    @Path("/groups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response validateGroup(BatchGroup group);
}
