package dev.marketpipe.console.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Alertmanager's API v2: the alerts it holds. */
@Path("/api/v2/alerts")
public interface AlertmanagerRestClient {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode alerts(@QueryParam("active") boolean active, @QueryParam("silenced") boolean silenced,
            @QueryParam("inhibited") boolean inhibited);
}
