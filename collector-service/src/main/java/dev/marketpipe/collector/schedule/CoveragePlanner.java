package dev.marketpipe.collector.schedule;

import java.util.List;

/**
 * Coverage planner (1-minute OHLCV within the provider's rate limit): given N symbols, a request budget and
 * a request that returns the last k minutes of 1-minute bars, chooses each symbol's polling cadence so that every
 * bar is still collected, and predicts freshness — the delay from a bar's completion to its collection. A pure
 * function.
 *
 * <p>Model: the sweep polls the symbols round-robin at the usable rate ({@code budget × share}). When one sweep fits
 * in the minute, every symbol is polled once a minute, starting {@code sweepOffset} after the minute, so freshness
 * runs from the offset to the offset plus the sweep. Otherwise the sweep runs continuously with cadence
 * {@code ceil(N / rate)} seconds and a bar waits uniformly up to one cadence for its symbol's next poll. Every bar
 * is collected while the cadence does not exceed the lookback (consecutive responses overlap).
 */
public final class CoveragePlanner {

    static final int MINUTE = 60;
    static final double P50 = 0.50;
    static final double P99 = 0.99;

    private CoveragePlanner() {
    }

    public static CoveragePlan plan(PlanInput input) {
        double rate = input.budgetPerSecond() * input.budgetShare();
        double sweepSeconds = input.symbols() / rate;
        int cadence;
        double freshnessFrom;
        double freshnessSpan;
        if (input.sweepOffsetSeconds() + sweepSeconds <= MINUTE) {
            cadence = MINUTE;
            freshnessFrom = input.sweepOffsetSeconds();
            freshnessSpan = sweepSeconds;
        } else {
            // never more often than once a minute: a new bar completes only once a minute
            cadence = Math.max(MINUTE, (int) Math.ceil(sweepSeconds));
            freshnessFrom = 0;
            freshnessSpan = cadence;
        }
        double p50 = freshnessFrom + P50 * freshnessSpan;
        double p99 = freshnessFrom + P99 * freshnessSpan;
        double used = (double) input.symbols() / cadence;
        int lookbackSeconds = input.lookbackMinutes() * MINUTE;
        boolean complete = cadence <= lookbackSeconds;
        boolean targetMet = complete && p99 <= input.freshnessTargetSeconds();
        int window = Math.min(input.lookbackMinutes(), (int) Math.ceil((double) cadence / MINUTE) + 1);
        CoveragePlan.Group all = new CoveragePlan.Group("all", input.symbols(), cadence, window, round(used),
                minutes(p50), minutes(p99));
        String status = !complete ? "incomplete" : targetMet ? "complete" : "degraded-freshness";
        int maxCovered = (int) Math.floor(rate * lookbackSeconds);
        return new CoveragePlan(input.symbols(), input.budgetPerSecond(), input.budgetShare(), round(used),
                input.lookbackMinutes(), List.of(all), minutes(p50), minutes(p99),
                minutes(input.freshnessTargetSeconds()), complete, targetMet, status, maxCovered,
                maxWithinTarget(rate, input));
    }

    /** Most symbols whose p99 freshness stays within the target at this rate (0 when even one cannot). */
    private static int maxWithinTarget(double rate, PlanInput input) {
        double target = input.freshnessTargetSeconds();
        double offset = input.sweepOffsetSeconds();
        int oncePerMinute = target < offset ? 0
                : (int) Math.floor(Math.min(MINUTE - offset, (target - offset) / P99) * rate);
        // continuous sweep: p99 = 0.99 × ceil(N / rate) <= target, and the cadence must not exceed the lookback
        double cadenceLimit = Math.min(Math.floor(target / P99), input.lookbackMinutes() * MINUTE);
        int continuous = cadenceLimit < MINUTE ? 0 : (int) Math.floor(cadenceLimit * rate);
        return Math.max(oncePerMinute, continuous);
    }

    private static double minutes(double seconds) {
        return round(seconds / MINUTE);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
