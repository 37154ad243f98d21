package dev.marketpipe.simulator.control;

import dev.marketpipe.simulator.auth.MarketApiPaths;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Records the final status of every answered market request, refused and fault-injected ones included. */
@Provider
public class MarketRequestCounter implements ContainerResponseFilter {

    private final RequestStats stats;

    public MarketRequestCounter(RequestStats stats) {
        this.stats = stats;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (MarketApiPaths.isProviderApi(request)) {
            stats.record(MarketApiPaths.endpoint(request), response.getStatus());
        }
    }
}
