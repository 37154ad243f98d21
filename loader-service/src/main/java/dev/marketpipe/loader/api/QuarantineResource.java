package dev.marketpipe.loader.api;

import dev.marketpipe.loader.config.LoaderConfig;
import dev.marketpipe.loader.database.TranslatesDatabaseFaults;
import dev.marketpipe.loader.quarantine.QuarantineEntry;
import dev.marketpipe.loader.quarantine.QuarantineFilter;
import dev.marketpipe.loader.quarantine.QuarantineReader;
import dev.marketpipe.loader.quarantine.QuarantineReview;
import dev.marketpipe.wire.QuarantineStatus;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

    /** Header naming the reviewer when the decision has no JSON body. */
    static final String REVIEWER_HEADER = "X-Reviewer";
    private static final int MAX_REVIEWER_LENGTH = 100;

    private final QuarantineReader reader;
    private final QuarantineReview review;
    private final LoaderConfig config;

    public QuarantineResource(QuarantineReader reader, QuarantineReview review, LoaderConfig config) {
        this.reader = reader;
        this.review = review;
        this.config = config;
    }

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

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a quarantined market bar: load it into its market table and record who and when. "
            + "Idempotent; 409 after a reject.")
    public QuarantineEntry approve(@PathParam("id") long id, @HeaderParam(REVIEWER_HEADER) String reviewerHeader,
            ReviewDecision body) {
        return review.approve(id, reviewer(body, reviewerHeader));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a quarantined record for good, recording who and when. Idempotent; 409 after an "
            + "approve.")
    public QuarantineEntry reject(@PathParam("id") long id, @HeaderParam(REVIEWER_HEADER) String reviewerHeader,
            ReviewDecision body) {
        return review.reject(id, reviewer(body, reviewerHeader));
    }

    /** The body's reviewer, else the header's: one is required, so every decision names a person. */
    private static String reviewer(ReviewDecision body, String header) {
        String reviewer = body != null && !blank(body.reviewer()) ? body.reviewer() : header;
        if (blank(reviewer)) {
            throw new IllegalArgumentException("reviewer is required: {\"reviewer\": \"...\"} in the body or the "
                    + REVIEWER_HEADER + " header");
        }
        String trimmed = reviewer.trim();
        if (trimmed.length() > MAX_REVIEWER_LENGTH) {
            throw new IllegalArgumentException("reviewer must be at most " + MAX_REVIEWER_LENGTH + " characters");
        }
        return trimmed;
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

    /** The body of a review decision. */
    public record ReviewDecision(String reviewer) {
    }
}
