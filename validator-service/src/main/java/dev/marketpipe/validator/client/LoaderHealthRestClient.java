package dev.marketpipe.validator.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The loader's readiness on its management port ({@code quarkus.rest-client.loader-health.url}), where health lives
 * apart from the API. Package-private: {@link LoaderClient} calls it.
 */
@RegisterRestClient(configKey = "loader-health")
@Path("/q/health")
interface LoaderHealthRestClient {

    @GET
    @Path("ready")
    @Produces(MediaType.APPLICATION_JSON)
    String ready();

    /** As the API client: an answer of 400 and above becomes one of our two exceptions. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return LoaderErrors.toException(response);
    }
}
