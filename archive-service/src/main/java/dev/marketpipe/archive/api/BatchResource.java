package dev.marketpipe.archive.api;

import dev.marketpipe.archive.config.ListingConfig;
import dev.marketpipe.archive.intake.ArchiveFullException;
import dev.marketpipe.archive.intake.ArchiveIntake;
import dev.marketpipe.archive.intake.IntakeResult;
import dev.marketpipe.archive.listing.BatchListing;
import dev.marketpipe.archive.listing.BatchPage;
import dev.marketpipe.security.Roles;
import dev.marketpipe.wire.ArchiveReceipt;
import dev.marketpipe.wire.CollectedBatch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

/**
 * The archive's REST API (CONTRACTS.md "archive-service"): take a collected batch, look up a receipt, list a day's
 * batches.
 */
@Path("/v1/batches")
@Tag(name = "batches")
@Produces(MediaType.APPLICATION_JSON)
public class BatchResource {

    /** Suggested wait before retrying after a storage error (the intake resumes where the attempt stopped). */
    private static final Long RETRY_AFTER_SECONDS = 5L;

    private final ArchiveIntake intake;
    private final BatchListing listing;
    private final ListingConfig listingConfig;

    @Inject
    public BatchResource(ArchiveIntake intake, BatchListing listing, ListingConfig listingConfig) {
        this.intake = intake;
        this.listing = listing;
        this.listingConfig = listingConfig;
    }

    @RolesAllowed(Roles.PIPELINE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Archive a collected batch",
            description = "Answers once the envelope and the outbox entry are durable; the outbox then forwards"
                    + " the batch to the validator until it is acknowledged.")
    @APIResponse(responseCode = "201", description = "archived")
    @APIResponse(responseCode = "200", description = "this batch id was already archived (duplicate=true)")
    @APIResponse(responseCode = "400", description = "the batch is not valid")
    @APIResponse(responseCode = "413", description = "the body is larger than quarkus.http.limits.max-body-size")
    @APIResponse(responseCode = "507", description = "the archive's disk is full; nothing was written")
    public Response archive(@NotNull(message = "a CollectedBatch body is required") @ArchivableBatch
                            CollectedBatch batch, @Context UriInfo uri) {
        IntakeResult result;
        try {
            result = intake.accept(batch);
        } catch (ArchiveFullException e) {
            throw new InsufficientStorageException(e.getMessage());
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("No space left on device")) {
                throw new InsufficientStorageException("the archive's disk is full; batch " + batch.batchId()
                        + " was not archived");
            }
            throw new ServiceUnavailableException("the archive cannot write right now; retry batch "
                    + batch.batchId() + " later", RETRY_AFTER_SECONDS, e);
        }
        ArchiveReceipt receipt = result.receipt();
        if (!result.created()) {
            return Response.ok(receipt).build();
        }
        URI location = uri.getAbsolutePathBuilder().path(receipt.batchId().toString()).build();
        return Response.created(location).entity(receipt).build();
    }

    @RolesAllowed({Roles.OPERATOR, Roles.PIPELINE})
    @GET
    @Operation(summary = "The archived batches of a day (or of a range of days), page by page",
            description = "Each batch with its archive ref, SHA-256, size and forwarding state (pending_intake,"
                    + " queued, forwarded, dead_lettered), ordered by day, data type, symbol and batch id. Only the"
                    + " asked days are read.")
    @APIResponse(responseCode = "200", description = "one page; nextCursor is null on the last")
    @APIResponse(responseCode = "400", description = "no date or range, a range too long, or a bad filter or cursor")
    public BatchPage list(@BeanParam ListBatchesParams params) throws IOException {
        return listing.list(params.toQuery(listingConfig));
    }

    @RolesAllowed({Roles.OPERATOR, Roles.PIPELINE})
    @GET
    @Path("/{batchId}")
    @Operation(summary = "The receipt of an archived batch")
    @APIResponse(responseCode = "200", description = "archived")
    @APIResponse(responseCode = "404", description = "no batch with this id was archived")
    public ArchiveReceipt receipt(@PathParam("batchId") UUID batchId) throws IOException {
        return intake.receipt(batchId)
                .orElseThrow(() -> new NotFoundException("no archived batch " + batchId));
    }
}
