package dev.marketpipe.simulator.control;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Notes the arrival of every securities-API request before anything else looks at it (refused, fault-injected and
 * token requests count too, as they do for a real provider's rate limit). Control and management paths do not.
 */
@Provider
@PreMatching
@Priority(1)
public class ArrivalRecorder implements ContainerRequestFilter {

    private final ArrivalLog log;

    public ArrivalRecorder(ArrivalLog log) {
        this.log = log;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long now = System.nanoTime();
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (!relative.startsWith("simulator") && !relative.startsWith("q/")) {
            log.arrived(now);
        }
    }
}
