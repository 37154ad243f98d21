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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @Operation(summary = "Load a validated batch",
            description = "Load a validated batch: upsert accepted bars, store quarantined records, log the batch. "
            + "A batch id already loaded changes nothing (duplicate=true); 503 while the database is unreachable.")
    @RequestBody(required = true, description = "the validator's verdict on one batch",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = ValidatedBatch.class),
                    examples = @ExampleObject(name = "two accepted bars", value = ApiExamples.VALIDATED_BATCH)))
    @APIResponse(responseCode = "200", description = "loaded (or loaded before: duplicate=true, nothing changed)",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = LoadReceipt.class),
                    examples = {@ExampleObject(name = "loaded", value = ApiExamples.RECEIPT),
                            @ExampleObject(name = "sent again", value = ApiExamples.RECEIPT_DUPLICATE)}))
    @APIResponse(responseCode = "400", description = "malformed batch (an envelope field missing)")
    @APIResponse(responseCode = "409", description = "concurrent loads of the same keys kept conflicting; send again")
    @APIResponse(responseCode = "422", description = "a batch that can never be stored as it is: an accepted bar with"
            + " a null OHLCV field or more decimals than NUMERIC(15, 2), a clear-looking account number")
    @APIResponse(responseCode = "503", description = ApiExamples.DATABASE_UNAVAILABLE_DESCRIPTION)
    public LoadReceipt load(ValidatedBatch batch) {
        return loader.load(batch);
    }

    @POST
    @Path("/groups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Load several validated batches in one transaction",
            description = "Load several validated batches in one transaction, each as POST /v1/loads would (its own "
            + "ledger and log row; duplicate=true for one loaded before). 200 with one result per batch in the order "
            + "sent: 200 and the receipt, or the 4xx the batch alone would get (then it is not written). 503 while "
            + "the database is unreachable: nothing of the group is stored.")
    @RequestBody(required = true, description = "{\"batches\":[ValidatedBatch…]}: 1 to"
            + " marketpipe.loader.loads.max-group-batches (64) batches, each batch id once",
            content = @Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(implementation = ValidatedBatchGroup.class),
                    examples = @ExampleObject(name = "one batch", value = ApiExamples.GROUP)))
    @APIResponse(responseCode = "200", description = "one result per batch, in the order sent",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = GroupResults.class),
                    examples = @ExampleObject(name = "loaded", value = ApiExamples.GROUP_RESULTS)))
    @APIResponse(responseCode = "400", description = "no batches, too many, or a batch id twice", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "a batch twice",
                    value = ApiExamples.GROUP_INVALID)))
    @APIResponse(responseCode = "409", description = "concurrent loads of the same keys kept conflicting; nothing of"
            + " the group was stored")
    @APIResponse(responseCode = "503", description = ApiExamples.DATABASE_UNAVAILABLE_DESCRIPTION)
    public GroupResults loadGroup(ValidatedBatchGroup group) {
        List<ValidatedBatch> batches = GroupCheck.checked(group == null ? null : group.batches(), maxGroupBatches,
                ValidatedBatch::batchId);
        return new GroupResults(loader.loadAll(batches));
    }
}
