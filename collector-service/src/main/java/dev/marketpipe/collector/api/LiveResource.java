package dev.marketpipe.collector.api;

import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.replica.SymbolOwnership;
import dev.marketpipe.collector.schedule.JobScheduler;
import dev.marketpipe.collector.schedule.LiveCollector;
import dev.marketpipe.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code POST /v1/live/run[?at=instant]}: runs one cycle of the live 1-minute job now, exactly the code the schedule
 * runs, at the job's configured priority, optionally as if the clock read {@code at}. Only when {@code marketpipe.collector.control.live-trigger} is
 * on (system tests drive replicas through it at a controlled market time); otherwise 404.
 */
@RolesAllowed(Roles.OPERATOR)
@Path("/v1/live/run")
@Produces(MediaType.APPLICATION_JSON)
public class LiveResource {

    private final LiveCollector live;
    private final SymbolOwnership ownership;
    private final MarketClock clock;
    private final ControlConfig control;
    private final JobScheduler scheduler;

    LiveResource(LiveCollector live, SymbolOwnership ownership, MarketClock clock, ControlConfig control,
            JobScheduler scheduler) {
        this.live = live;
        this.scheduler = scheduler;
        this.ownership = ownership;
        this.clock = clock;
        this.control = control;
    }

    /**
     * What one triggered cycle did: the bar it collected (null: none due), the symbols it covered (those this
     * instance holds), the plan's cadence in minutes and the windows it requested (the share of the symbols due
     * this minute).
     */
    @RegisterForReflection
    public record LiveRun(String instance, Instant at, Instant bar, List<String> symbols, int cadenceMinutes,
            List<LiveCollector.Poll> polled) {
    }

    @POST
    @Operation(summary = "Run one live cycle now (system tests, drills)",
            description = "Runs one cycle of the live 1-minute job now, exactly the code the schedule runs, at the"
                    + " job's configured priority, optionally as if the clock read at. Only when"
                    + " marketpipe.collector.control.live-trigger=true; otherwise 404.")
    @APIResponse(responseCode = "200", description = "what the cycle did: the bar it collected (null: none due), the"
            + " symbols it covered (those this instance holds), the cadence and the windows it requested",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = LiveRun.class),
                    examples = @ExampleObject(name = "two symbols polled", value = ApiExamples.LIVE_RUN)))
    @APIResponse(responseCode = "400", description = "at is not an ISO instant", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "not an instant",
                    value = ApiExamples.LIVE_AT_INVALID)))
    @APIResponse(responseCode = "404", description = "the live trigger is off", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "trigger off",
                    value = ApiExamples.LIVE_TRIGGER_OFF)))
    public LiveRun run(@Parameter(description = "run as if the clock read this ISO instant (default: now)",
            example = "2025-03-11T01:05:05Z") @QueryParam("at") String at) {
        if (!control.liveTrigger()) {
            throw new NotFoundException("the live trigger is off (marketpipe.collector.control.live-trigger)");
        }
        Instant now = at == null || at.isBlank() ? clock.now() : instant(at);
        List<String> symbols = ownership.owned();
        LiveCollector.Cycle cycle = scheduler.callAs(live.name(), () -> live.cycle(now));
        Instant bar = cycle.bar();
        return new LiveRun(ownership.instanceId(), now, bar, bar == null ? List.of() : symbols,
                cycle.cadenceMinutes(), cycle.polled());
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'at' must be an ISO instant such as 2025-03-04T01:05:05Z");
        }
    }
}
