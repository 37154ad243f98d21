package dev.marketpipe.validator.api;

import dev.marketpipe.security.Roles;
import dev.marketpipe.validator.config.ValidatorConfig;
import dev.marketpipe.validator.client.LoaderRejectedException;
import dev.marketpipe.validator.client.LoaderUnavailableException;
import dev.marketpipe.validator.validation.ValidationMetrics;
import dev.marketpipe.validator.validation.ValidationService;
import dev.marketpipe.wire.BatchGroup;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.GroupCheck;
import dev.marketpipe.wire.GroupResult;
import dev.marketpipe.wire.GroupResults;
import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/**
 * {@code POST /v1/validations} (CONTRACTS.md "validator-service"): the quality rules on one archived batch, the verdict
 * forwarded to the loader, the loader's receipt as the answer; {@code POST /v1/validations/groups} the same for
 * several batches in one request, each with its own result.
 */
@RolesAllowed(Roles.PIPELINE)
@Path("/v1/validations")
public class ValidationResource {

    private final ValidationService service;
    private final ValidationMetrics metrics;
    private final int maxGroupBatches;

    public ValidationResource(ValidationService service, ValidationMetrics metrics, ValidatorConfig config) {
        this.service = service;
        this.metrics = metrics;
        this.maxGroupBatches = config.maxGroupBatches();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate a batch and load the verdict",
            description = "Answers 200 only after the loader acknowledged the verdict.")
    @RequestBody(required = true, description = "a CollectedBatch as the archive forwards it (archiveRef set, the raw"
            + " response reduced to its meta)",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = CollectedBatch.class),
                    examples = @ExampleObject(name = "two 1-minute bars", value = ApiExamples.BATCH)))
    @APIResponse(responseCode = "200", description = "the loader's receipt",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = LoadReceipt.class),
                    examples = @ExampleObject(name = "both bars stored", value = ApiExamples.RECEIPT)))
    @APIResponse(responseCode = "400", description = "malformed batch", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "no interval",
                    value = ApiExamples.BATCH_INVALID)))
    @APIResponse(responseCode = "422", description = "a data type without rules, or a verdict the loader refuses")
    @APIResponse(responseCode = "503", description = "the loader is unavailable; redeliver later")
    public Response validate(CollectedBatch batch) {
        checked(batch);
        try {
            return Response.ok(service.validateAndLoad(batch)).type(MediaType.APPLICATION_JSON_TYPE).build();
        } catch (LoaderUnavailableException e) {
            return loaderUnavailable(e);
        } catch (LoaderRejectedException e) {
            throw BatchRequestCheck.unprocessable("the loader refused the verdict (" + e.status() + "): "
                    + e.detail());
        }
    }

    @POST
    @Path("/groups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate several batches and load their verdicts",
            description = "Each batch judged as POST /v1/validations would, the verdicts loaded together (one"
                    + " transaction of the loader): 200 with one result per batch, in the order sent (200 and the"
                    + " loader's receipt, or the 4xx the batch alone would get). 503 when the loader is unavailable:"
                    + " redeliver the group (batches it stored meanwhile answer duplicate:true).")
    @RequestBody(required = true, description = "{\"batches\":[CollectedBatch…]}: 1 to"
            + " marketpipe.validator.max-group-batches (64) batches, each batch id once",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = BatchGroup.class),
                    examples = @ExampleObject(name = "a good batch and a malformed one", value = ApiExamples.GROUP)))
    @APIResponse(responseCode = "200", description = "one result per batch",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = GroupResults.class),
                    examples = @ExampleObject(name = "one loaded, one refused", value = ApiExamples.GROUP_RESULTS)))
    @APIResponse(responseCode = "400", description = "no batches, too many, or a batch id twice", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "a batch twice",
                    value = ApiExamples.GROUP_INVALID)))
    @APIResponse(responseCode = "503", description = "the loader is unavailable; redeliver the group later")
    public Response validateGroup(BatchGroup group) {
        List<CollectedBatch> batches = GroupCheck.checked(group == null ? null : group.batches(), maxGroupBatches,
                CollectedBatch::batchId);
        List<GroupResult> results;
        try {
            results = GroupCheck.eachChecked(batches, CollectedBatch::batchId, this::checked,
                    service::validateAndLoadAll);
        } catch (LoaderUnavailableException e) {
            return loaderUnavailable(e);
        }
        return Response.ok(new GroupResults(results)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** 503: answered, not thrown: an expected state of a neighbour, not our bug, so no stack trace in the log. */
    private static Response loaderUnavailable(LoaderUnavailableException e) {
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                "the loader is unavailable, redeliver later: " + e.getMessage());
    }

    /** {@link BatchRequestCheck}, a refusal counted. */
    private void checked(CollectedBatch batch) {
        try {
            BatchRequestCheck.check(batch);
        } catch (WebApplicationException e) {
            metrics.batch(ValidationMetrics.REJECTED);
            throw e;
        }
    }
}
