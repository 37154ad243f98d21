package dev.marketpipe.collector.api;

import dev.marketpipe.collector.backfill.BackfillJob;
import dev.marketpipe.collector.backfill.BackfillRequest;
import dev.marketpipe.collector.backfill.BackfillService;
import dev.marketpipe.collector.backfill.BackfillStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import java.util.UUID;

/** Backfill jobs: start one ({@code 202} + {@code Location}) and follow its progress. */
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
        BackfillJob job = backfills.start(request);
        return Response.accepted(job.status())
                .location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    public BackfillStatus status(@PathParam("id") UUID id) {
        return backfills.find(id).map(BackfillJob::status)
                .orElseThrow(() -> new NotFoundException("no backfill job " + id));
    }
}
