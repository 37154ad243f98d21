package dev.marketpipe.collector.client;

import dev.marketpipe.wire.ArchiveReceipt;
import dev.marketpipe.wire.CollectedBatch;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** archive-service's {@code POST /v1/batches}. */
@ClientHeaderParam(name = "Authorization", value = "{dev.marketpipe.security.PipelineToken.authorization}",
        required = false)
@RegisterRestClient(configKey = "archive")
@RegisterProvider(ArchiveErrorMapper.class)
interface ArchiveRestClient {

    @POST
    @Path("/v1/batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    ArchiveReceipt archive(CollectedBatch batch);
}
