package dev.marketpipe.archive.replay;

import dev.marketpipe.archive.api.ApiExamples;
import dev.marketpipe.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** Replays of archived batches (CONTRACTS.md "Replay"): start one ({@code 202} + {@code Location}), follow it. */
@RolesAllowed(Roles.OPERATOR)
@Path("/v1/replays")
@Tag(name = "replays")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {

    private final ReplayService replays;

    @Inject
    public ReplayResource(ReplayService replays) {
        this.replays = replays;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-send archived batches downstream",
            description = "Re-sends the batches archived in the folders of the KST dates from..to (inclusive) to the"
                    + " validator, in collection order per symbol, asynchronously.")
    @RequestBody(required = true, description = "from and to (KST dates, inclusive, at most"
            + " marketpipe.archive.replay.max-range-days = 92 days); dataTypes (market_data, orderbook, ticks) and"
            + " symbols optional, absent or empty = all",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = ReplayRequest.class),
                    examples = @ExampleObject(name = "one symbol's bars of a week",
                            value = ApiExamples.REPLAY_REQUEST)))
    @APIResponse(responseCode = "202", description = "started; Location names its status",
            headers = @Header(name = "Location", description = "the replay's status, GET /v1/replays/{id}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = ReplayStatus.class),
                    examples = @ExampleObject(name = "started", value = ApiExamples.REPLAY_STARTED)))
    @APIResponse(responseCode = "400", description = "the request is not valid or its range is too long",
            content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(
                    name = "account data", value = ApiExamples.REPLAY_NOT_REPLAYABLE)))
    @APIResponse(responseCode = "409", description = "another replay is running", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "busy", value = ApiExamples.REPLAY_BUSY)))
    public Response start(@Valid @NotNull(message = "a ReplayRequest body is required") ReplayRequest request,
                          @Context UriInfo uri) {
        ReplayStatus status;
        try {
            status = replays.start(request);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        } catch (ReplayService.AlreadyRunningException e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        }
        return Response.accepted(status).location(uri.getAbsolutePathBuilder().path(status.id().toString()).build())
                .build();
    }

    @GET
    @Operation(summary = "The newest replays first (running, finished, resumed after a restart)")
    @APIResponse(responseCode = "200", description = "at most limit replays' statuses",
            content = @Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ReplayStatus.class),
                    examples = @ExampleObject(name = "one finished replay",
                            value = "[" + ApiExamples.REPLAY_SUCCEEDED + "]")))
    @APIResponse(responseCode = "400", description = "limit outside 1..1000", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "limit too high",
                    value = ApiExamples.LIMIT_INVALID)))
    public List<ReplayStatus> list(@Parameter(description = "most replays to list, 1 to 1000", example = "50")
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit)
            throws IOException {
        return replays.recent(limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The progress of a replay",
            description = "state RUNNING, SUCCEEDED, FAILED (finished with a failed batch, or gave up) or LOST"
                    + " (another left-over replay was resumed in its place); batchesTotal is null until the range is"
                    + " counted; checkpoint names the day folders done for good.")
    @APIResponse(responseCode = "200", description = "the replay's status",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = ReplayStatus.class),
                    examples = @ExampleObject(name = "succeeded", value = ApiExamples.REPLAY_SUCCEEDED)))
    @APIResponse(responseCode = "404", description = "no replay with this id", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "unknown id",
                    value = ApiExamples.REPLAY_NOT_FOUND)))
    public ReplayStatus status(@Parameter(description = "the replay's id (the Location of POST /v1/replays)",
            example = ApiExamples.REPLAY_ID) @PathParam("id") UUID id) throws IOException {
        return replays.find(id).orElseThrow(() -> new NotFoundException("no replay " + id));
    }
}
