package dev.marketpipe.collector.api;

import dev.marketpipe.collector.budget.BudgetConfig;
import dev.marketpipe.collector.replica.SymbolOwnership;
import dev.marketpipe.collector.schedule.CoveragePlan;
import dev.marketpipe.collector.schedule.CoveragePlanner;
import dev.marketpipe.collector.schedule.PlanConfig;
import dev.marketpipe.collector.schedule.PlanInput;
import dev.marketpipe.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
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

/**
 * {@code GET /v1/plan}: the coverage plan for the configured symbols and rate budget, or for {@code symbols=N} and
 * {@code budget=R} requests per second when given (what-if for capacity planning).
 */
@RolesAllowed(Roles.OPERATOR)
@Path("/v1/plan")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    static final int MAX_SYMBOLS = 100_000;
    static final double MAX_BUDGET = 10_000;

    private final SymbolOwnership ownership;
    private final BudgetConfig budget;
    private final PlanConfig plan;

    PlanResource(SymbolOwnership ownership, BudgetConfig budget, PlanConfig plan) {
        this.ownership = ownership;
        this.budget = budget;
        this.plan = plan;
    }

    @GET
    @Operation(summary = "Coverage plan of the 1-minute sweep",
            description = "How the 1-minute bars of N symbols are polled under R requests per second: groups with"
                    + " their cadence and request window, expected freshness (p50, p99) against the target, and"
                    + " status complete, degraded-freshness (every bar, later than the target) or incomplete (the"
                    + " budget cannot collect every bar). Without parameters: the configured symbols and rate"
                    + " budget; with them, a what-if for capacity planning.")
    @APIResponse(responseCode = "200", description = "the plan",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = CoveragePlan.class),
                    examples = @ExampleObject(name = "2000 symbols at 19 requests/s", value = ApiExamples.PLAN)))
    @APIResponse(responseCode = "400", description = "symbols outside 1..100000 or budget not in (0, 10000]",
            content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "no symbols",
                    value = ApiExamples.PLAN_SYMBOLS_INVALID)))
    public CoveragePlan plan(
            @Parameter(description = "number of symbols, 1 to 100000 (default: the configured symbols)",
                    example = "2000") @QueryParam("symbols") String symbols,
            @Parameter(description = "requests per second, above 0 and at most 10000 (default: the configured"
                    + " rate budget)", example = "19") @QueryParam("budget") String budgetPerSecond) {
        int n = symbols == null ? ownership.universe().size() : symbols(symbols);
        double rate = budgetPerSecond == null ? budget.effectiveRequestsPerSecond() : budget(budgetPerSecond);
        return CoveragePlanner.plan(new PlanInput(n, rate, plan.budgetShare(), plan.lookbackMinutes(),
                plan.freshnessTarget().toMillis() / 1000.0, plan.sweepOffset().toMillis() / 1000.0));
    }

    private static int symbols(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_SYMBOLS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("query parameter 'symbols' must be a whole number from 1 to " + MAX_SYMBOLS
                + ", got '" + value + "'");
    }

    private static double budget(String value) {
        try {
            double rate = Double.parseDouble(value.trim());
            if (rate > 0 && rate <= MAX_BUDGET) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("query parameter 'budget' must be requests per second, above 0 and at most "
                + MAX_BUDGET + ", got '" + value + "'");
    }
}
