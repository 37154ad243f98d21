package dev.marketpipe.simulator.control;

import dev.marketpipe.simulator.config.SimulatedClock;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code /simulator/clock}: the simulated market time ({@link SimulatedClock}) that the real-time feed streams and
 * that decides which bars REST serves as completed. Setting it to a session time with a speed shows a KRX session
 * at any hour of the day.
 */
@Path("/simulator/clock")
@Tag(name = "simulator control")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    private static final Logger LOG = Logger.getLogger(ClockResource.class);

    private final SimulatedClock clock;

    public ClockResource(SimulatedClock clock) {
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The simulated now and its speed")
    public ClockState state() {
        return new ClockState(clock.instant(), clock.speed());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run the simulated clock from `at` (ISO instant, or KST local date-time; default: now) at "
            + "`speed` simulated seconds per second (default 1.0)")
    public ClockState set(@NotNull(message = "a JSON body is required") @Valid ClockChange change) {
        Optional<Instant> at = Optional.empty();
        if (change.at() != null) {
            at = Optional.of(SimulatedClock.parse(change.at()).orElseThrow(() -> new BadRequestException(
                    "at must be an ISO instant (2025-03-05T00:30:00Z) or a KST local date-time (2025-03-05T09:30:00)")));
        }
        double speed = change.speed() == null ? 1.0 : change.speed();
        clock.set(at, speed);
        ClockState state = state();
        LOG.infof("simulated clock set to %s at speed %s", state.now(), state.speed());
        return state;
    }

    @DELETE
    @Operation(summary = "Back to the configured clock (marketpipe.simulator.clock.*)")
    public ClockState reset() {
        clock.reset();
        return state();
    }

    /**
     * Body of {@code PUT /simulator/clock}.
     *
     * @param at    the simulated time from now on: an ISO instant or a local date-time in KST; absent keeps the
     *              current simulated time and changes only the speed
     * @param speed simulated seconds per wall-clock second, 0 (frozen) to {@value SimulatedClock#MAX_SPEED}
     */
    @RegisterForReflection
    public record ClockChange(String at, @DecimalMin("0.0") @DecimalMax("600.0") Double speed) {
    }

    /** Answer of the clock endpoints: the simulated now and its speed. */
    @RegisterForReflection
    public record ClockState(Instant now, double speed) {
    }
}
