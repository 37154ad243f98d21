package dev.marketpipe.collector.api;

import dev.marketpipe.collector.budget.BudgetConfig;
import dev.marketpipe.collector.config.CollectorConfig;
import dev.marketpipe.collector.plan.CoveragePlan;
import dev.marketpipe.collector.plan.CoveragePlanner;
import dev.marketpipe.collector.plan.PlanConfig;
import dev.marketpipe.collector.plan.PlanInput;
import dev.marketpipe.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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

    private final CollectorConfig collector;
    private final BudgetConfig budget;
    private final PlanConfig plan;

    PlanResource(CollectorConfig collector, BudgetConfig budget, PlanConfig plan) {
        this.collector = collector;
        this.budget = budget;
        this.plan = plan;
    }

    @GET
    public CoveragePlan plan(@QueryParam("symbols") String symbols, @QueryParam("budget") String budgetPerSecond) {
        int n = symbols == null ? collector.symbols().size() : symbols(symbols);
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
