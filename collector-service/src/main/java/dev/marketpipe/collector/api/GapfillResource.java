package dev.marketpipe.collector.api;

import dev.marketpipe.collector.gapfill.GapfillJob;
import dev.marketpipe.collector.gapfill.GapfillRequest;
import dev.marketpipe.collector.gapfill.GapfillService;
import dev.marketpipe.collector.gapfill.GapfillStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;

/** Gap-fill jobs: start one ({@code 202} + {@code Location}) and follow its progress. */
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
        GapfillJob job = gapfills.start(request, "api");
        return Response.accepted(job.status())
                .location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    public GapfillStatus status(@PathParam("id") UUID id) {
        return gapfills.find(id).map(GapfillJob::status)
                .orElseThrow(() -> new NotFoundException("no gap-fill job " + id));
    }
}
