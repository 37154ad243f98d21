package dev.marketpipe.archive.api;

import dev.marketpipe.archive.integrity.IntegrityCheck;
import dev.marketpipe.archive.integrity.IntegrityReport;
import dev.marketpipe.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;

/** {@code GET /v1/integrity}: re-reads a day of the archive and reports what is not as archived. */
@RolesAllowed(Roles.OPERATOR)
@Path("/v1/integrity")
@Tag(name = "integrity")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrityResource {

    private final IntegrityCheck check;

    @Inject
    public IntegrityResource(IntegrityCheck check) {
        this.check = check;
    }

    @GET
    @Operation(summary = "Check every envelope of an archive day against the SHA-256 recorded at intake",
            description = "Reads each file of the day's index (gzipped ones decompressed) and lists ok,"
                    + " compressed-ok, missing, expired and corrupt files, and files the index does not know.")
    @APIResponse(responseCode = "200", description = "the report (also when something is wrong with the files)",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = IntegrityReport.class),
                    examples = @ExampleObject(name = "one file missing, one corrupt",
                            value = ApiExamples.INTEGRITY_REPORT)))
    @APIResponse(responseCode = "400", description = "date missing or not YYYY-MM-DD", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "no date",
                    value = ApiExamples.DATE_REQUIRED)))
    public IntegrityReport check(@Parameter(description = "the archive day (KST), YYYY-MM-DD", required = true,
                                            example = "2025-03-04")
                                 @QueryParam("date") String date) throws IOException {
        return check.check(DateParameter.required("date", date));
    }
}
