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
    public Response start(@Valid @NotNull GapfillRequest request, @Context UriInfo uri) {
        GapfillStatus job = gapfills.start(request, "api");
        return Response.accepted(job)
                .location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    /** The newest gapfills first, running and finished (they survive restarts). */
    @GET
    public List<GapfillStatus> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit) {
        return gapfills.list(limit);
    }

    @GET
    @Path("/{id}")
    public GapfillStatus status(@PathParam("id") UUID id) {
        return gapfills.find(id).orElseThrow(() -> new NotFoundException("no gap-fill job " + id));
    }

    /** Cancels a running gap-fill: no further window is started; what was collected stays. */
    @DELETE
    @Path("/{id}")
    public GapfillStatus cancel(@PathParam("id") UUID id) {
        return gapfills.cancel(id).orElseThrow(() -> new NotFoundException("no gap-fill job " + id));
    }
}
