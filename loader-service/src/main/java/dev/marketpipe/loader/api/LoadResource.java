package dev.marketpipe.loader.api;

import dev.marketpipe.loader.database.TranslatesDatabaseFaults;
import dev.marketpipe.loader.load.BatchLoader;
import dev.marketpipe.security.Roles;
import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.ValidatedBatch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /v1/loads}: the validator hands over a validated batch (CONTRACTS.md "loader-service"). */
@RolesAllowed(Roles.PIPELINE)
@Path("/v1/loads")
@TranslatesDatabaseFaults
public class LoadResource {

    private final BatchLoader loader;

    public LoadResource(BatchLoader loader) {
        this.loader = loader;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Load a validated batch: upsert accepted bars, store quarantined records, log the batch. "
            + "A batch id already loaded changes nothing (duplicate=true); 503 while the database is unreachable.")
    public LoadReceipt load(ValidatedBatch batch) {
        return loader.load(batch);
    }
}
