package dev.marketpipe.loader.api;

import dev.marketpipe.loader.collectionlog.CollectionAttemptCheck;
import dev.marketpipe.loader.collectionlog.CollectionLog;
import dev.marketpipe.loader.collectionlog.CollectionLogView;
import dev.marketpipe.loader.config.LoaderConfig;
import dev.marketpipe.loader.database.TranslatesDatabaseFaults;
import dev.marketpipe.security.Roles;
import dev.marketpipe.wire.CollectionAttempt;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/**
 * {@code GET /v1/collection-log}: the latest {@code data_collection_log} rows, newest first;
 * {@code POST /v1/collection-log}: the collector reports a collection attempt that failed (an API error), one row each.
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
    @Operation(summary = "Latest data_collection_log rows, one per loaded batch, newest first.",
            description = "A loaded batch's row has its batch id, counts and quality score (errorType, provider and"
                    + " attempts null); a collection attempt the collector reported has status error or warning,"
                    + " errorType, provider and attempts.")
    @APIResponse(responseCode = "200", description = "at most limit rows, newest first",
            content = @Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CollectionLogView.class),
                    examples = @ExampleObject(name = "a failed attempt and a loaded batch",
                            value = ApiExamples.COLLECTION_LOG)))
    @APIResponse(responseCode = "400", description = "limit below 1 or above marketpipe.loader.lists.max-limit"
            + " (1000), symbol over 20 characters", content = @Content(mediaType = ApiExamples.PROBLEM,
                    examples = @ExampleObject(name = "limit too high", value = ApiExamples.LIMIT_TOO_HIGH)))
    @APIResponse(responseCode = "503", description = "the database is unreachable")
    public List<CollectionLogView> latest(
            @Parameter(description = "only this symbol's rows", example = "005930")
            @QueryParam("symbol") @Size(max = 20) String symbol,
            @Parameter(description = "most rows, 1 to marketpipe.loader.lists.max-limit (1000; default 100)",
                    example = "100")
            @QueryParam("limit") @Min(1) Integer limit) {
        return log.latest(symbol == null || symbol.isBlank() ? null : symbol, Limits.of(limit, config.lists()));
    }

    @RolesAllowed(Roles.PIPELINE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a failed collection attempt",
            description = "Record a collection attempt that did not end in a loaded batch (an API error: failed after "
            + "its retries, skipped 400, answered by the backup instead); 201 with the stored row, 200 with the row an "
            + "earlier report of the same attemptId wrote.")
    @RequestBody(required = true, description = "a CollectionAttempt: status error (errorType required) or warning",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = CollectionAttempt.class),
                    examples = @ExampleObject(name = "failed after its retries",
                            value = ApiExamples.COLLECTION_ATTEMPT)))
    @APIResponse(responseCode = "201", description = "recorded: the stored row",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = CollectionLogView.class),
                    examples = @ExampleObject(name = "stored", value = ApiExamples.COLLECTION_ATTEMPT_ROW)))
    @APIResponse(responseCode = "200", description = "this attemptId was recorded before: the row it wrote",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = CollectionLogView.class),
                    examples = @ExampleObject(name = "reported again", value = ApiExamples.COLLECTION_ATTEMPT_ROW)))
    @APIResponse(responseCode = "400", description = "invalid fields, each named", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "error without errorType",
                    value = ApiExamples.COLLECTION_ATTEMPT_INVALID)))
    @APIResponse(responseCode = "503", description = "the database is unreachable")
    public Response record(CollectionAttempt attempt) {
        CollectionAttemptCheck.check(attempt);
        CollectionLog.Recorded recorded = log.record(attempt);
        return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(recorded.row()).build();
    }
}
