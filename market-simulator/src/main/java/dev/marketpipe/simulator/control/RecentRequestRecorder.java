package dev.marketpipe.simulator.control;

import dev.marketpipe.simulator.auth.MarketApiPaths;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.time.Instant;

/** Keeps each answered market request (path, window, status) in {@link RecentRequests}. */
@Provider
public class RecentRequestRecorder implements ContainerResponseFilter {

    private final RecentRequests recent;

    public RecentRequestRecorder(RecentRequests recent) {
        this.recent = recent;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!MarketApiPaths.isProviderApi(request)) {
            return;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        recent.record(new RecentRequests.Entry(Instant.now(), RecentRequests.clip(request.getUriInfo().getPath()),
                RecentRequests.clip(query.getFirst("symbol")), RecentRequests.clip(query.getFirst("interval")),
                RecentRequests.clip(query.getFirst("start_date")), RecentRequests.clip(query.getFirst("end_date")),
                RecentRequests.clip(query.getFirst("page")), response.getStatus()));
    }
}
