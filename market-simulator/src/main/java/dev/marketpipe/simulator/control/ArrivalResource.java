package dev.marketpipe.simulator.control;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /simulator/arrivals}: how many securities-API requests arrived and the most within any one second
 * (what a provider's requests-per-second limit checks); {@code DELETE} starts counting afresh.
 */
@Path("/simulator/arrivals")
@Produces(MediaType.APPLICATION_JSON)
public class ArrivalResource {

    private final ArrivalLog log;

    public ArrivalResource(ArrivalLog log) {
        this.log = log;
    }

    @GET
    public Arrivals arrivals() {
        return new Arrivals(log.total(), log.busiestSecond());
    }

    @DELETE
    public void reset() {
        log.reset();
    }

    /** @param busiestSecond the most requests that arrived within any one second */
    @RegisterForReflection
    public record Arrivals(long requests, int busiestSecond) {
    }
}
