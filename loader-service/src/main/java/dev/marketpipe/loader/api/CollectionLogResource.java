package dev.marketpipe.loader.api;

import dev.marketpipe.loader.collectionlog.CollectionAttemptCheck;
import dev.marketpipe.loader.collectionlog.CollectionLog;
import dev.marketpipe.loader.collectionlog.CollectionLogView;
import dev.marketpipe.loader.config.LoaderConfig;
import dev.marketpipe.loader.database.TranslatesDatabaseFaults;
import dev.marketpipe.security.Roles;
import dev.marketpipe.wire.CollectionAttempt;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * {@code GET /v1/collection-log}: the latest {@code data_collection_log} rows (spec §6), newest first;
 * {@code POST /v1/collection-log}: the collector reports a collection attempt that failed (spec §7.1), one row each.
 */
@Path("/v1/collection-log")
@TranslatesDatabaseFaults
public class CollectionLogResource {

    private final CollectionLog log;
    private final LoaderConfig config;

    public CollectionLogResource(CollectionLog log, LoaderConfig config) {
        this.log = log;
        this.config = config;
    }

    @RolesAllowed({Roles.READER, Roles.OPERATOR})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Latest data_collection_log rows, one per loaded batch, newest first.")
    public List<CollectionLogView> latest(
            @QueryParam("symbol") @Size(max = 20) String symbol,
            @QueryParam("limit") @Min(1) Integer limit) {
        return log.latest(symbol == null || symbol.isBlank() ? null : symbol, Limits.of(limit, config.lists()));
    }

    @RolesAllowed(Roles.PIPELINE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a collection attempt that did not end in a loaded batch (spec §7.1: failed after its "
            + "retries, skipped 400, answered by the backup instead); 201 with the stored row, 200 with the row an "
            + "earlier report of the same attemptId wrote.")
    public Response record(CollectionAttempt attempt) {
        CollectionAttemptCheck.check(attempt);
        CollectionLog.Recorded recorded = log.record(attempt);
        return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(recorded.row()).build();
    }
}
