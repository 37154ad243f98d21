package dev.marketpipe.loader.api;

import dev.marketpipe.loader.config.LoaderConfig;
import dev.marketpipe.loader.database.TranslatesDatabaseFaults;
import dev.marketpipe.loader.load.BatchLoader;
import dev.marketpipe.security.Roles;
import dev.marketpipe.wire.GroupCheck;
import dev.marketpipe.wire.GroupResults;
import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.ValidatedBatch;
import dev.marketpipe.wire.ValidatedBatchGroup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * {@code POST /v1/loads}: the validator hands over a validated batch; {@code POST /v1/loads/groups} several in one
 * transaction (CONTRACTS.md "loader-service").
 */
@RolesAllowed(Roles.PIPELINE)
@Path("/v1/loads")
@TranslatesDatabaseFaults
public class LoadResource {

    private final BatchLoader loader;
    private final int maxGroupBatches;

    public LoadResource(BatchLoader loader, LoaderConfig config) {
        this.loader = loader;
        this.maxGroupBatches = config.loads().maxGroupBatches();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Load a validated batch: upsert accepted bars, store quarantined records, log the batch. "
            + "A batch id already loaded changes nothing (duplicate=true); 503 while the database is unreachable.")
    public LoadReceipt load(ValidatedBatch batch) {
        return loader.load(batch);
    }

    @POST
    @Path("/groups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Load several validated batches in one transaction, each as POST /v1/loads would (its own "
            + "ledger and log row; duplicate=true for one loaded before). 200 with one result per batch in the order "
            + "sent: 200 and the receipt, or the 4xx the batch alone would get (then it is not written). 503 while "
            + "the database is unreachable: nothing of the group is stored.")
    public GroupResults loadGroup(ValidatedBatchGroup group) {
        List<ValidatedBatch> batches = GroupCheck.checked(group == null ? null : group.batches(), maxGroupBatches,
                ValidatedBatch::batchId);
        return new GroupResults(loader.loadAll(batches));
    }
}
