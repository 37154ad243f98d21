package dev.marketpipe.console.stage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A stage instance's management port: health and metrics, open to everyone who can reach it (no token). Built per
 * instance URL by {@link StageProbes}; answers are read whatever their status (a DOWN readiness is a 503 with the
 * checks in its body).
 */
@Path("/q")
public interface ManagementRestClient {

    @GET
    @Path("/health/ready")
    @Produces(MediaType.APPLICATION_JSON)
    Response ready();

    @GET
    @Path("/health/live")
    @Produces(MediaType.APPLICATION_JSON)
    Response live();

    /** The classic Prometheus text format (OpenMetrics is what a bare request would get). */
    @GET
    @Path("/metrics")
    @Produces("text/plain; version=0.0.4")
    Response metrics();
}
