package dev.marketpipe.collector.api;

import dev.marketpipe.collector.gapfill.GapfillRequest;
import dev.marketpipe.collector.gapfill.GapfillService;
import dev.marketpipe.collector.gapfill.GapfillStatus;
import dev.marketpipe.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/** Gap-fill jobs: start one ({@code 202} + {@code Location}), list them, follow one, cancel one. */
@RolesAllowed(Roles.OPERATOR)
@Path("/v1/gapfills")
@Produces(MediaType.APPLICATION_JSON)
public class GapfillResource {

    private final GapfillService gapfills;

    GapfillResource(GapfillService gapfills) {
        this.gapfills = gapfills;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a gap-fill",
            description = "Per symbol, asks the loader (GET /v1/coverage) which bars of the interval are stored on"
                    + " the KST trading dates from..to (inclusive, at most marketpipe.collector.gapfill.max-range-days,"
                    + " default 90), compares them with the market calendar's sessions and requests exactly the"
                    + " missing windows: never a weekend, holiday, night or bar that has not settled. A bar start"
                    + " requested gapfill.max-attempts times already is skipped (barsSkipped). Durable like a"
                    + " backfill; follow it at the Location.")
    @RequestBody(required = true, description = "symbols (1 to 5000), interval, from and to (KST trading dates)",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = GapfillRequest.class),
                    examples = @ExampleObject(name = "one symbol, four sessions", value = ApiExamples.GAPFILL_REQUEST)))
    @APIResponse(responseCode = "202", description = "started; the body is the job's status",
            headers = @Header(name = "Location", description = "the job's status, GET /v1/gapfills/{id}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = GapfillStatus.class),
                    examples = @ExampleObject(name = "started", value = ApiExamples.GAPFILL_STARTED)))
    @APIResponse(responseCode = "400", description = "a field missing or malformed, a bad symbol, from after to, or"
            + " a range longer than gapfill.max-range-days", content = @Content(mediaType = ApiExamples.PROBLEM,
                    examples = {@ExampleObject(name = "invalid fields", value = ApiExamples.JOB_BODY_INVALID),
                            @ExampleObject(name = "range backwards", value = ApiExamples.JOB_RANGE_BACKWARDS)}))
    public Response start(@Valid @NotNull GapfillRequest request, @Context UriInfo uri) {
        GapfillStatus job = gapfills.start(request, "api");
        return Response.accepted(job)
                .location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    /** The newest gapfills first, running and finished (they survive restarts). */
    @GET
    @Operation(summary = "List gap-fills, newest first",
            description = "Running and finished gap-fills alike (trigger api or schedule), as their status; they"
                    + " survive restarts.")
    @APIResponse(responseCode = "200", description = "at most limit jobs' statuses",
            content = @Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = GapfillStatus.class),
                    examples = @ExampleObject(name = "one finished job", value = ApiExamples.GAPFILL_LIST)))
    @APIResponse(responseCode = "400", description = "limit outside 1..1000", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "limit too high",
                    value = ApiExamples.LIMIT_INVALID)))
    public List<GapfillStatus> list(@Parameter(description = "most jobs to list, 1 to 1000", example = "50")
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit) {
        return gapfills.list(limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Follow a gap-fill",
            description = "What the plan found (barsExpected by the calendar, barsStored by the loader, barsMissing,"
                    + " of which barsSkipped were not requested again) and the requests done; state RUNNING,"
                    + " SUCCEEDED, FAILED (a coverage query or a request failed; the next run tries again) or"
                    + " CANCELLED.")
    @APIResponse(responseCode = "200", description = "the job's status",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = GapfillStatus.class),
                    examples = @ExampleObject(name = "a three-hour hole filled",
                            value = ApiExamples.GAPFILL_SUCCEEDED)))
    @APIResponse(responseCode = "404", description = "no gap-fill with this id", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "unknown id",
                    value = ApiExamples.GAPFILL_NOT_FOUND)))
    public GapfillStatus status(@Parameter(description = "the job's id (the Location of POST /v1/gapfills)",
            example = ApiExamples.GAPFILL_ID) @PathParam("id") UUID id) {
        return gapfills.find(id).orElseThrow(() -> new NotFoundException("no gap-fill job " + id));
    }

    /** Cancels a running gap-fill: no further window is started; what was collected stays. */
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel a gap-fill",
            description = "No further window is started; what was collected stays. A job that has finished already"
                    + " is answered unchanged.")
    @APIResponse(responseCode = "200", description = "the job's status after the cancel",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = GapfillStatus.class),
                    examples = @ExampleObject(name = "finished before the cancel",
                            value = ApiExamples.GAPFILL_SUCCEEDED)))
    @APIResponse(responseCode = "404", description = "no gap-fill with this id", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "unknown id",
                    value = ApiExamples.GAPFILL_NOT_FOUND)))
    public GapfillStatus cancel(@Parameter(description = "the job's id", example = ApiExamples.GAPFILL_ID)
            @PathParam("id") UUID id) {
        return gapfills.cancel(id).orElseThrow(() -> new NotFoundException("no gap-fill job " + id));
    }
}
