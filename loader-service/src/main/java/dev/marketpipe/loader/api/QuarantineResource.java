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

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /v1/quarantine}: quarantined records (spec §7.2), newest first, and the manual review of them. The loader
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
    @Operation(summary = "Quarantined records with their reasons, newest first; filter by trading date (KST), "
            + "symbol, reason (rule) and status; page with limit and offset.")
    public List<QuarantineEntry> list(
            @QueryParam("date") String date,
            @QueryParam("symbol") @Size(max = 20) String symbol,
            @QueryParam("reason") @Size(max = 60) @Pattern(regexp = "[a-z0-9_]*") String reason,
            @QueryParam("status") String status,
            @QueryParam("limit") @Min(1) Integer limit,
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
    @Operation(summary = "Approve a quarantined market bar: load it into its market table and record who (the token's "
            + "subject) and when. Idempotent; 409 after a reject.")
    public QuarantineEntry approve(@PathParam("id") long id, @Context SecurityContext caller) {
        return review.approve(id, reviewer(caller));
    }

    @RolesAllowed(Roles.REVIEWER)
    @POST
    @Path("/{id}/reject")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a quarantined record for good, recording who (the token's subject) and when. "
            + "Idempotent; 409 after an approve.")
    public QuarantineEntry reject(@PathParam("id") long id, @Context SecurityContext caller) {
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
