package dev.marketpipe.archive.replay;

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
    @APIResponse(responseCode = "202", description = "started; Location names its status")
    @APIResponse(responseCode = "400", description = "the request is not valid or its range is too long")
    @APIResponse(responseCode = "409", description = "another replay is running")
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
    @APIResponse(responseCode = "200", description = "at most limit replays' statuses")
    @APIResponse(responseCode = "400", description = "limit outside 1..1000")
    public List<ReplayStatus> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit)
            throws IOException {
        return replays.recent(limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The progress of a replay")
    @APIResponse(responseCode = "200", description = "the replay's status")
    @APIResponse(responseCode = "404", description = "no replay with this id")
    public ReplayStatus status(@PathParam("id") UUID id) throws IOException {
        return replays.find(id).orElseThrow(() -> new NotFoundException("no replay " + id));
    }
}
