package dev.marketpipe.collector.schedule;

/**
 * What the coverage planner plans for.
 *
 * @param symbols symbols to keep covered at 1-minute resolution
 * @param budgetPerSecond the provider's rate budget, requests per second
 * @param budgetShare share of that budget the 1-minute sweep may use (the rest is for other jobs and retries)
 * @param lookbackMinutes minutes of 1-minute bars one request returns
 * @param freshnessTargetSeconds the p99 freshness the plan is measured against
 * @param sweepOffsetSeconds seconds after the minute a once-a-minute sweep starts
 */
public record PlanInput(int symbols, double budgetPerSecond, double budgetShare, int lookbackMinutes,
        double freshnessTargetSeconds, double sweepOffsetSeconds) {

    public PlanInput {
        if (symbols < 1) {
            throw new IllegalArgumentException("symbols must be at least 1, got " + symbols);
        }
        if (!(budgetPerSecond > 0) || Double.isInfinite(budgetPerSecond)) {
            throw new IllegalArgumentException("budget must be a positive number of requests per second, got " + budgetPerSecond);
        }
        if (!(budgetShare > 0 && budgetShare <= 1)) {
            throw new IllegalArgumentException("budget share must be in (0, 1], got " + budgetShare);
        }
        if (lookbackMinutes < 1) {
            throw new IllegalArgumentException("lookback must be at least 1 minute, got " + lookbackMinutes);
        }
    }
}
