package dev.marketpipe.validator.client;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.BarWindows;
import dev.marketpipe.wire.GroupResults;
import dev.marketpipe.wire.ValidatedBatch;
import dev.marketpipe.wire.ValidatedBatchGroup;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

/**
 * The loader-service's REST API as the validator uses it (CONTRACTS.md "loader-service"). Package-private: the
 * rest of the service talks to {@link LoaderClient}, which carries the fault tolerance.
 */
@ClientHeaderParam(name = "Authorization", value = "{dev.marketpipe.security.PipelineToken.authorization}",
        required = false)
@RegisterRestClient(configKey = "loader")
@Path("/")
interface LoaderRestClient {

    @POST
    @Path("v1/loads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    LoadReceipt load(ValidatedBatch batch);

    @POST
    @Path("v1/loads/groups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    GroupResults loadGroup(ValidatedBatchGroup group);

    @GET
    @Path("v1/bars")
    @Produces(MediaType.APPLICATION_JSON)
    List<Bar> bars(@QueryParam("symbol") String symbol, @QueryParam("interval") String interval,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @POST
    @Path("v1/bars/windows")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    BarWindows.Answer windows(BarWindows windows);

    /** Turns every loader answer of 400 and above into one of our two exceptions (see {@link LoaderErrors}). */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return LoaderErrors.toException(response);
    }
}
