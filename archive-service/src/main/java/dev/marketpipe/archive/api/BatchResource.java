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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
    @RequestBody(required = true, description = "a CollectedBatch: the provider's answer as received (rawResponse)"
            + " and the records read from it",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = CollectedBatch.class),
                    examples = @ExampleObject(name = "two 1-minute bars", value = ApiExamples.COLLECTED_BATCH)))
    @APIResponse(responseCode = "201", description = "archived",
            headers = @Header(name = "Location", description = "the receipt, GET /v1/batches/{batchId}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = ArchiveReceipt.class),
                    examples = @ExampleObject(name = "archived", value = ApiExamples.RECEIPT)))
    @APIResponse(responseCode = "200", description = "this batch id was already archived (duplicate=true)",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = ArchiveReceipt.class),
                    examples = @ExampleObject(name = "sent again", value = ApiExamples.RECEIPT_DUPLICATE)))
    @APIResponse(responseCode = "400", description = "the batch is not valid", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "fields missing",
                    value = ApiExamples.BATCH_INVALID)))
    @APIResponse(responseCode = "413", description = "the body is larger than quarkus.http.limits.max-body-size")
    @APIResponse(responseCode = "507", description = "the archive's disk is full; nothing was written",
            content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "disk full",
                    value = ApiExamples.ARCHIVE_FULL)))
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
    @APIResponse(responseCode = "200", description = "one page; nextCursor is null on the last",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = BatchPage.class),
                    examples = @ExampleObject(name = "one batch, last page", value = ApiExamples.BATCH_PAGE)))
    @APIResponse(responseCode = "400", description = "no date or range, a range too long, or a bad filter or cursor",
            content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "no date",
                    value = ApiExamples.LISTING_NO_DATE)))
    public BatchPage list(@BeanParam ListBatchesParams params) throws IOException {
        return listing.list(params.toQuery(listingConfig));
    }

    @RolesAllowed({Roles.OPERATOR, Roles.PIPELINE})
    @GET
    @Path("/{batchId}")
    @Operation(summary = "The receipt of an archived batch",
            description = "Where the batch's envelope is (archiveRef, relative to the archive root), its SHA-256 and"
                    + " size. A batch whose intake has not finished is not archived yet.")
    @APIResponse(responseCode = "200", description = "archived",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = ArchiveReceipt.class),
                    examples = @ExampleObject(name = "archived", value = ApiExamples.RECEIPT)))
    @APIResponse(responseCode = "404", description = "no batch with this id was archived", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "unknown id",
                    value = ApiExamples.BATCH_NOT_FOUND)))
    public ArchiveReceipt receipt(@Parameter(description = "the batch's id (batchId of the CollectedBatch)",
            example = ApiExamples.BATCH_ID) @PathParam("batchId") UUID batchId) throws IOException {
        return intake.receipt(batchId)
                .orElseThrow(() -> new NotFoundException("no archived batch " + batchId));
    }
}
