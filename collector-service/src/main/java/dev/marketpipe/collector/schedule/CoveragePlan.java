package dev.marketpipe.collector.schedule;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * The answer of {@code GET /v1/plan}: how the 1-minute bars of {@code symbols} symbols are polled within the budget,
 * whether every bar is still collected, and how fresh the data is expected to be.
 *
 * @param status {@code complete} (every bar, freshness target met), {@code degraded-freshness} (every bar, but
 *        later than the target) or {@code incomplete} (the budget cannot collect every bar)
 * @param requestsPerSecond average requests per second the plan uses
 * @param completeCoverage every 1-minute bar of every symbol is collected
 * @param maxSymbolsFullyCovered most symbols whose every bar this budget can collect
 * @param maxSymbolsWithinFreshnessTarget most symbols this budget keeps within the freshness target
 */
@RegisterForReflection
public record CoveragePlan(int symbols, double budgetPerSecond, double budgetShare, double requestsPerSecond,
        int lookbackMinutes, List<Group> groups, double freshnessP50Minutes, double freshnessP99Minutes,
        double freshnessTargetMinutes, boolean completeCoverage, boolean freshnessTargetMet, String status,
        int maxSymbolsFullyCovered, int maxSymbolsWithinFreshnessTarget) {

    /**
     * Symbols polled alike.
     *
     * @param cadenceSeconds each symbol of the group is requested once every this many seconds
     * @param requestWindowMinutes minutes of bars each request should ask for (covers the cadence, at most the
     *        lookback)
     */
    @RegisterForReflection
    public record Group(String name, int symbols, int cadenceSeconds, int requestWindowMinutes,
            double requestsPerSecond, double freshnessP50Minutes, double freshnessP99Minutes) {
    }
}
