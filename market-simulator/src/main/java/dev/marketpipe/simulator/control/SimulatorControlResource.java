package dev.marketpipe.simulator.control;

import dev.marketpipe.simulator.auth.TokenStore;
import dev.marketpipe.simulator.config.MarketSimulation;
import dev.marketpipe.simulator.market.Discrepancies;
import dev.marketpipe.simulator.market.PlantedDiscrepancy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The simulator's own control plane (not part of the securities API): invalid-bar switch, fault injection and
 * request statistics, for tests and demos. Not authenticated.
 */
@Path("/simulator")
@Tag(name = "simulator control")
@Produces(MediaType.APPLICATION_JSON)
public class SimulatorControlResource {

    private static final Logger LOG = Logger.getLogger(SimulatorControlResource.class);
    private static final String BODY_REQUIRED = "a JSON body is required";

    private final MarketSimulation simulation;
    private final FaultInjector faults;
    private final RequestStats stats;
    private final TokenStore tokens;
    private final Discrepancies discrepancies;
    private final FaultMixer mixer;

    public SimulatorControlResource(MarketSimulation simulation, FaultInjector faults, RequestStats stats,
            TokenStore tokens, Discrepancies discrepancies, FaultMixer mixer) {
        this.mixer = mixer;
        this.simulation = simulation;
        this.faults = faults;
        this.stats = stats;
        this.tokens = tokens;
        this.discrepancies = discrepancies;
    }

    @GET
    @Path("/config")
    @Operation(summary = "Seed, invalid-bar fraction and symbol universe in use")
    public SimulatorSettings settings() {
        return new SimulatorSettings(simulation.bars().seed(), simulation.bars().invalidFraction(),
                simulation.symbols());
    }

    @PUT
    @Path("/config")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the share of corrupted bars served from now on")
    public SimulatorSettings change(@NotNull(message = BODY_REQUIRED) @Valid InvalidFractionChange change) {
        simulation.invalidFraction(change.invalidFraction());
        LOG.infof("invalid-bar fraction set to %s", change.invalidFraction());
        return settings();
    }

    @GET
    @Path("/faults")
    @Operation(summary = "The armed fault, if any (status 0 = none)")
    public FaultState faults() {
        return faults.state();
    }

    @PUT
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the next `count` market requests with `status`")
    public FaultState arm(@NotNull(message = BODY_REQUIRED) @Valid FaultRequest request) {
        FaultState state = faults.arm(request);
        LOG.infof("fault armed: next %d market requests answer %d", state.remaining(), state.status());
        return state;
    }

    @DELETE
    @Path("/faults")
    @Operation(summary = "Disarm fault injection")
    public void clearFaults() {
        faults.clear();
    }

    @GET
    @Path("/fault-mix")
    @Operation(summary = "The random fault mix in force and what it injected since it was set")
    public FaultMixer.Injected faultMix() {
        return mixer.state();
    }

    @PUT
    @Path("/fault-mix")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draw faults at random for every market request (shares of 5xx, 429, timeouts; token expiry)")
    public FaultMixer.Injected setFaultMix(@NotNull(message = BODY_REQUIRED) @Valid FaultMix mix) {
        FaultMixer.Injected state = mixer.set(mix, simulation.bars().seed());
        LOG.infof("fault mix set: %s", state.mix());
        return state;
    }

    @DELETE
    @Path("/fault-mix")
    @Operation(summary = "Stop drawing faults; answers what the mix injected")
    public FaultMixer.Injected clearFaultMix() {
        return mixer.clear();
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Market requests answered, by status, and tokens issued")
    public SimulatorStats stats() {
        return new SimulatorStats(stats.requests(), tokens.issuedCount(), stats.byStatus());
    }

    @DELETE
    @Path("/stats")
    @Operation(summary = "Reset the request and token counts (Prometheus counters keep counting)")
    public void resetStats() {
        stats.reset();
        tokens.resetCount();
    }

    @GET
    @Path("/discrepancies")
    @Operation(summary = "Planted discrepancies: daily-bar values this instance serves differently")
    public List<PlantedDiscrepancy> discrepancies() {
        return discrepancies.planted();
    }

    @PUT
    @Path("/discrepancies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Serve the daily bar of `symbol` on `date` with `delta` added to `field` (backup-source "
            + "reconciliation tests); adds to those already planted")
    public List<PlantedDiscrepancy> plant(@NotNull(message = BODY_REQUIRED) @Valid PlantedDiscrepancy discrepancy) {
        if (!simulation.knows(discrepancy.symbol())) {
            throw new jakarta.ws.rs.NotFoundException("unknown symbol '" + discrepancy.symbol() + "'");
        }
        discrepancies.plant(discrepancy);
        LOG.infof("discrepancy planted: %s %s %s delta %s", discrepancy.symbol(), discrepancy.date(), discrepancy.field(),
                discrepancy.delta());
        return discrepancies.planted();
    }

    @DELETE
    @Path("/discrepancies")
    @Operation(summary = "Remove every planted discrepancy")
    public void clearDiscrepancies() {
        discrepancies.clear();
    }
}
