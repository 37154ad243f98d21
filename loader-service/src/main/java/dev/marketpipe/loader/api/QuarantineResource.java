package dev.marketpipe.loader.api;

import dev.marketpipe.loader.config.LoaderConfig;
import dev.marketpipe.loader.database.TranslatesDatabaseFaults;
import dev.marketpipe.loader.quarantine.QuarantineEntry;
import dev.marketpipe.loader.quarantine.QuarantineFilter;
import dev.marketpipe.loader.quarantine.QuarantineReader;
import dev.marketpipe.loader.quarantine.QuarantineReview;
import dev.marketpipe.security.Roles;
import dev.marketpipe.wire.QuarantineStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /v1/quarantine}: quarantined records, newest first, and the manual review of them. The loader
 * owns the table, so the decisions are taken here, where an approved bar can be loaded in the same transaction.
 */
@Path("/v1/quarantine")
@TranslatesDatabaseFaults
public class QuarantineResource {

    private final QuarantineReader reader;
    private final QuarantineReview review;
    private final LoaderConfig config;

    public QuarantineResource(QuarantineReader reader, QuarantineReview review, LoaderConfig config) {
        this.reader = reader;
        this.review = review;
        this.config = config;
    }

    @RolesAllowed({Roles.REVIEWER, Roles.OPERATOR})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Quarantined records with their reasons, newest first",
            description = "Quarantined records with their reasons, newest first; filter by trading date (KST), "
            + "symbol, reason (rule) and status; page with limit and offset.")
    @APIResponse(responseCode = "200", description = "at most limit entries, newest first (createdAt, then id)",
            content = @Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = QuarantineEntry.class),
                    examples = @ExampleObject(name = "a bar for review", value = ApiExamples.QUARANTINE_LIST)))
    @APIResponse(responseCode = "400", description = "date not ISO, unknown status, reason not [a-z0-9_], offset"
            + " below 0, limit outside 1..max", content = @Content(mediaType = ApiExamples.PROBLEM,
                    examples = @ExampleObject(name = "unknown status", value = ApiExamples.QUARANTINE_BAD_STATUS)))
    @APIResponse(responseCode = "503", description = "the database is unreachable")
    public List<QuarantineEntry> list(
            @Parameter(description = "KST trading date of the record's timestamp, YYYY-MM-DD", example = "2025-03-04")
            @QueryParam("date") String date,
            @Parameter(description = "only this symbol", example = "005930")
            @QueryParam("symbol") @Size(max = 20) String symbol,
            @Parameter(description = "a rule code among the record's reasons", example = "price_out_of_range")
            @QueryParam("reason") @Size(max = 60) @Pattern(regexp = "[a-z0-9_]*") String reason,
            @Parameter(description = "quarantined, review, approved or rejected", example = "review")
            @QueryParam("status") String status,
            @Parameter(description = "most entries, 1 to marketpipe.loader.lists.max-limit (1000; default 100)",
                    example = "100")
            @QueryParam("limit") @Min(1) Integer limit,
            @Parameter(description = "entries to skip (paging), 0 or more", example = "0")
            @QueryParam("offset") @Min(0) Integer offset) {
        QuarantineFilter filter = new QuarantineFilter(blank(date) ? null : TradingDates.parse(date),
                blank(symbol) ? null : symbol, blank(reason) ? null : reason,
                blank(status) ? null : parseStatus(status));
        return reader.list(filter, Limits.of(limit, config.lists()), offset == null ? 0 : offset);
    }

    @RolesAllowed(Roles.REVIEWER)
    @POST
    @Path("/{id}/approve")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a quarantined market bar",
            description = "Approve a quarantined market bar: load it into its market table and record who (the "
            + "token's subject) and when. Idempotent; 409 after a reject.")
    @APIResponse(responseCode = "200", description = "the entry, now approved (or approved before: unchanged)",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = QuarantineEntry.class),
                    examples = @ExampleObject(name = "approved", value = ApiExamples.QUARANTINE_APPROVED)))
    @APIResponse(responseCode = "404", description = "no quarantine entry with this id", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "unknown id",
                    value = ApiExamples.QUARANTINE_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "rejected before: a decision is final", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "rejected before",
                    value = ApiExamples.QUARANTINE_DECIDED_REJECTED)))
    @APIResponse(responseCode = "422", description = "not a market bar (1m, 5m, 1d), or a bar lacking a NOT NULL"
            + " field: nothing changed")
    @APIResponse(responseCode = "503", description = "the database is unreachable")
    public QuarantineEntry approve(@Parameter(description = "the quarantine entry's id", example = "17")
            @PathParam("id") long id,
            @Context SecurityContext caller) {
        return review.approve(id, reviewer(caller));
    }

    @RolesAllowed(Roles.REVIEWER)
    @POST
    @Path("/{id}/reject")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a quarantined record for good",
            description = "Reject a quarantined record for good, recording who (the token's subject) and when. "
            + "Idempotent; 409 after an approve. Works for every data type.")
    @APIResponse(responseCode = "200", description = "the entry, now rejected (or rejected before: unchanged)",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = QuarantineEntry.class),
                    examples = @ExampleObject(name = "rejected", value = ApiExamples.QUARANTINE_REJECTED)))
    @APIResponse(responseCode = "404", description = "no quarantine entry with this id", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "unknown id",
                    value = ApiExamples.QUARANTINE_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "approved before: a decision is final", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "approved before",
                    value = ApiExamples.QUARANTINE_DECIDED_APPROVED)))
    @APIResponse(responseCode = "503", description = "the database is unreachable")
    public QuarantineEntry reject(@Parameter(description = "the quarantine entry's id", example = "17")
            @PathParam("id") long id,
            @Context SecurityContext caller) {
        return review.reject(id, reviewer(caller));
    }

    /** The reviewer recorded with a decision: the subject of the caller's token, never a name it typed. */
    private static String reviewer(SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static QuarantineStatus parseStatus(String status) {
        for (QuarantineStatus candidate : QuarantineStatus.values()) {
            if (candidate.code().equalsIgnoreCase(status.trim())) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown status '" + status + "' (expected "
                + Arrays.stream(QuarantineStatus.values()).map(QuarantineStatus::code)
                        .collect(Collectors.joining(", ")) + ")");
    }
}
