package dev.marketpipe.collector.api;

import dev.marketpipe.collector.backfill.BackfillRequest;
import dev.marketpipe.collector.backfill.BackfillService;
import dev.marketpipe.collector.backfill.BackfillStatus;
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

/** Backfill jobs: start one ({@code 202} + {@code Location}), list them, follow one, cancel one. */
@RolesAllowed(Roles.OPERATOR)
@Path("/v1/backfills")
@Produces(MediaType.APPLICATION_JSON)
public class BackfillResource {

    private final BackfillService backfills;

    BackfillResource(BackfillService backfills) {
        this.backfills = backfills;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a backfill",
            description = "Collects the bars of an interval (1m, 5m, 1d) of the symbols for the KST trading dates"
                    + " from..to (both inclusive, at most 400 days): one request window per symbol and trading day"
                    + " (daily bars: one per symbol), run by the replicas in the background. The job is durable: it"
                    + " survives restarts and is finished under its id. Follow it at the Location.")
    @RequestBody(required = true, description = "symbols (1 to 5000), interval, from and to (KST trading dates)",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = BackfillRequest.class),
                    examples = @ExampleObject(name = "one symbol, one week", value = ApiExamples.BACKFILL_REQUEST)))
    @APIResponse(responseCode = "202", description = "started; the body is the job's status",
            headers = @Header(name = "Location", description = "the job's status, GET /v1/backfills/{id}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = BackfillStatus.class),
                    examples = @ExampleObject(name = "started", value = ApiExamples.BACKFILL_STARTED)))
    @APIResponse(responseCode = "400", description = "a field missing or malformed, a bad symbol, from after to, or"
            + " a range over 400 days", content = @Content(mediaType = ApiExamples.PROBLEM, examples = {
                    @ExampleObject(name = "invalid fields", value = ApiExamples.JOB_BODY_INVALID),
                    @ExampleObject(name = "range backwards", value = ApiExamples.JOB_RANGE_BACKWARDS)}))
    public Response start(@Valid @NotNull BackfillRequest request, @Context UriInfo uri) {
        BackfillStatus job = backfills.start(request);
        return Response.accepted(job)
                .location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    /** The newest backfills first, running and finished (they survive restarts). */
    @GET
    @Operation(summary = "List backfills, newest first",
            description = "Running and finished backfills alike, as their status; they survive restarts.")
    @APIResponse(responseCode = "200", description = "at most limit jobs' statuses",
            content = @Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = BackfillStatus.class),
                    examples = @ExampleObject(name = "one finished job", value = ApiExamples.BACKFILL_LIST)))
    @APIResponse(responseCode = "400", description = "limit outside 1..1000", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "limit too high",
                    value = ApiExamples.LIMIT_INVALID)))
    public List<BackfillStatus> list(@Parameter(description = "most jobs to list, 1 to 1000", example = "50")
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit) {
        return backfills.list(limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Follow a backfill",
            description = "state RUNNING, SUCCEEDED, FAILED (finished; at least one window failed on every attempt)"
                    + " or CANCELLED, with the requests, records and batches done so far.")
    @APIResponse(responseCode = "200", description = "the job's status",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = BackfillStatus.class),
                    examples = @ExampleObject(name = "succeeded", value = ApiExamples.BACKFILL_SUCCEEDED)))
    @APIResponse(responseCode = "404", description = "no backfill with this id", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "unknown id",
                    value = ApiExamples.BACKFILL_NOT_FOUND)))
    public BackfillStatus status(@Parameter(description = "the job's id (the Location of POST /v1/backfills)",
            example = ApiExamples.JOB_ID) @PathParam("id") UUID id) {
        return backfills.find(id).orElseThrow(() -> new NotFoundException("no backfill job " + id));
    }

    /** Cancels a running backfill: no further window is started; what was collected stays. */
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel a backfill",
            description = "No further window is started; what was collected stays. A job that has finished"
                    + " already is answered unchanged.")
    @APIResponse(responseCode = "200", description = "the job's status after the cancel",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = BackfillStatus.class),
                    examples = @ExampleObject(name = "cancelled", value = ApiExamples.BACKFILL_CANCELLED)))
    @APIResponse(responseCode = "404", description = "no backfill with this id", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "unknown id",
                    value = ApiExamples.BACKFILL_NOT_FOUND)))
    public BackfillStatus cancel(@Parameter(description = "the job's id", example = ApiExamples.JOB_ID)
            @PathParam("id") UUID id) {
        return backfills.cancel(id).orElseThrow(() -> new NotFoundException("no backfill job " + id));
    }
}
