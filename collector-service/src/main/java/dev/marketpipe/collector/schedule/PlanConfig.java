package dev.marketpipe.collector.schedule;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Inputs of the coverage planner that are not per request, under {@code marketpipe.collector.plan}. */
@ConfigMapping(prefix = "marketpipe.collector.plan")
public interface PlanConfig {

    /** Minutes of 1-minute bars one request returns. */
    int lookbackMinutes();

    /** Share of the provider's rate budget the 1-minute sweep may use. */
    double budgetShare();

    /** The p99 freshness the plan is measured against. */
    Duration freshnessTarget();

    /** Seconds after the minute a once-a-minute sweep starts. */
    Duration sweepOffset();
}
