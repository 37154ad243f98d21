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
    public Response start(@Valid @NotNull BackfillRequest request, @Context UriInfo uri) {
        BackfillStatus job = backfills.start(request);
        return Response.accepted(job)
                .location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    /** The newest backfills first, running and finished (they survive restarts). */
    @GET
    public List<BackfillStatus> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit) {
        return backfills.list(limit);
    }

    @GET
    @Path("/{id}")
    public BackfillStatus status(@PathParam("id") UUID id) {
        return backfills.find(id).orElseThrow(() -> new NotFoundException("no backfill job " + id));
    }

    /** Cancels a running backfill: no further window is started; what was collected stays. */
    @DELETE
    @Path("/{id}")
    public BackfillStatus cancel(@PathParam("id") UUID id) {
        return backfills.cancel(id).orElseThrow(() -> new NotFoundException("no backfill job " + id));
    }
}
