package dev.marketpipe.collector.budget;

/**
 * A request that waited for a rate-budget token longer than its priority allows and was dropped without being sent
 * (the budget sheds Low work first). Not a provider failure: the circuit breaker ignores it.
 */
public class BudgetShed extends RuntimeException {

    public BudgetShed(Priority priority, long waitedMs) {
        super("rate budget exhausted: " + priority.label() + "-priority request shed after waiting " + waitedMs + " ms");
    }
}
