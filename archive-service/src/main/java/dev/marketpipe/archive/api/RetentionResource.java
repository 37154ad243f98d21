package dev.marketpipe.archive.api;

import dev.marketpipe.archive.retention.RetentionReport;
import dev.marketpipe.archive.retention.RetentionService;
import dev.marketpipe.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;

/** Runs the archive's retention on demand, or shows what it would do ({@code dryRun=true}). */
@RolesAllowed(Roles.OPERATOR)
@Path("/v1/retention/runs")
@Tag(name = "retention")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    private static final Long RETRY_AFTER_SECONDS = 30L;

    private final RetentionService retention;

    @Inject
    public RetentionResource(RetentionService retention) {
        this.retention = retention;
    }

    @POST
    @Operation(summary = "Run retention now",
            description = "Gzips envelopes past marketpipe.archive.retention.compress-after-days, deletes objects"
                    + " past delete-after-days unless critical, deletes old log files. With dryRun=true nothing"
                    + " changes and the report says what a run would do.")
    @APIResponse(responseCode = "200", description = "the run's report",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = RetentionReport.class),
                    examples = @ExampleObject(name = "dry run: one day to compress",
                            value = ApiExamples.RETENTION_REPORT)))
    @APIResponse(responseCode = "400", description = "dryRun is not true or false", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "not a flag",
                    value = ApiExamples.DRY_RUN_INVALID)))
    @APIResponse(responseCode = "409", description = "a retention run is in progress", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "busy",
                    value = ApiExamples.RETENTION_BUSY)))
    @APIResponse(responseCode = "503", description = "the archive cannot be listed right now (Retry-After)")
    public RetentionReport run(@Parameter(description = "true: change nothing, report what a run would do (default"
            + " false)", example = "true") @QueryParam("dryRun") String dryRun) {
        boolean dry = parseFlag(dryRun);
        try {
            return retention.run(dry).orElseThrow(() -> new ClientErrorException(
                    "a retention run is in progress; try again when it has finished", Response.Status.CONFLICT));
        } catch (IOException e) {
            throw new ServiceUnavailableException("the archive cannot be listed right now: " + e.getMessage(),
                    RETRY_AFTER_SECONDS, e);
        }
    }

    private static boolean parseFlag(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new BadRequestException("dryRun must be true or false, not '" + value + "'");
    }
}
