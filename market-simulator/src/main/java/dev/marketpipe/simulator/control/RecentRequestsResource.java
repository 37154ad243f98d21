package dev.marketpipe.simulator.control;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Control plane: the most recent market requests (bounded by {@code marketpipe.simulator.recent-requests}). */
@Path("/simulator/requests")
@Tag(name = "simulator control")
@Produces(MediaType.APPLICATION_JSON)
public class RecentRequestsResource {

    private static final int MAX_LIMIT = 100_000;

    private final RecentRequests recent;

    public RecentRequestsResource(RecentRequests recent) {
        this.recent = recent;
    }

    /** @param dropped entries pushed out of the ring since the last clear (a test needing all of them must see 0) */
    @RegisterForReflection
    public record Answer(long dropped, List<RecentRequests.Entry> requests) {
    }

    @GET
    @Operation(summary = "The newest `limit` answered market requests (oldest first), with their window and status")
    public Answer requests(@QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(MAX_LIMIT) int limit) {
        return new Answer(recent.dropped(), recent.newest(limit));
    }

    @DELETE
    @Operation(summary = "Forget the recorded requests")
    public void clear() {
        recent.clear();
    }
}
