package dev.marketpipe.collector.api;

import dev.marketpipe.collector.reconciliation.ReconciliationReport;
import dev.marketpipe.collector.reconciliation.ReconciliationRequest;
import dev.marketpipe.collector.reconciliation.ReconciliationService;
import dev.marketpipe.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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

import java.time.temporal.ChronoUnit;

/** Data reconciliation: the last report, or a run now (primary vs backup daily bars). */
@RolesAllowed(Roles.OPERATOR)
@Path("/v1/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    /** Longest range one run may compare (one request per symbol and source fits a year of daily bars). */
    static final long MAX_DAYS = 370;

    private final ReconciliationService reconciliation;

    ReconciliationResource(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GET
    @Operation(summary = "The last reconciliation report",
            description = "Primary against backup daily bars: compared counts the bars both sources have, each"
                    + " discrepancy names the field (open, high, low, close, volume, value, or bar when only one"
                    + " source has the day) with both values as plain decimal strings.")
    @APIResponse(responseCode = "200", description = "the report of the last run",
            content = @Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(implementation = ReconciliationReport.class),
                    examples = @ExampleObject(name = "one close differs", value = ApiExamples.RECONCILIATION_REPORT)))
    @APIResponse(responseCode = "404", description = "no reconciliation has run yet", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "none yet",
                    value = ApiExamples.RECONCILIATION_NONE_YET)))
    public ReconciliationReport last() {
        return reconciliation.last().orElseThrow(() -> new NotFoundException("no reconciliation has run yet"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run a reconciliation now",
            description = "Compares the daily bars of the primary and the backup source for the symbols (1 to 200)"
                    + " on the KST trading dates from..to (inclusive, at most 370 days) and answers the report.")
    @RequestBody(required = true, description = "from, to (KST trading dates) and symbols",
            content = @Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(implementation = ReconciliationRequest.class),
                    examples = @ExampleObject(name = "one symbol, one week",
                            value = ApiExamples.RECONCILIATION_REQUEST)))
    @APIResponse(responseCode = "200", description = "the run's report",
            content = @Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(implementation = ReconciliationReport.class),
                    examples = @ExampleObject(name = "one close differs", value = ApiExamples.RECONCILIATION_REPORT)))
    @APIResponse(responseCode = "400", description = "a field missing or malformed, from after to, or a range over"
            + " 370 days", content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(
                    name = "range too long", value = ApiExamples.RECONCILIATION_TOO_LONG)))
    @APIResponse(responseCode = "409", description = "no backup source is configured, or a run is in progress",
            content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "no backup",
                    value = ApiExamples.RECONCILIATION_NO_BACKUP)))
    public ReconciliationReport run(@Valid @NotNull ReconciliationRequest request) {
        if (request.from().isAfter(request.to())) {
            throw new BadRequestException("'from' (" + request.from() + ") is after 'to' (" + request.to() + ")");
        }
        if (ChronoUnit.DAYS.between(request.from(), request.to()) > MAX_DAYS) {
            throw new BadRequestException("a reconciliation may span at most " + MAX_DAYS + " days");
        }
        return reconciliation.run(request.from(), request.to(), request.symbols());
    }
}
