package dev.marketpipe.collector.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoveragePlannerTest {

    private static PlanInput input(int symbols, double budget) {
        return new PlanInput(symbols, budget, 0.9, 30, 180, 5);
    }

    @Test
    void wholeKrxUniverseAtNineteenPerSecondIsCompleteWithinThreeMinutes() {
        CoveragePlan plan = CoveragePlanner.plan(input(2700, 19));
        assertTrue(plan.completeCoverage());
        assertTrue(plan.freshnessTargetMet());
        assertEquals("complete", plan.status());
        // 17.1 usable requests/s: each symbol every 158 s
        assertEquals(158, plan.groups().get(0).cadenceSeconds());
        assertTrue(plan.requestsPerSecond() <= 19 * 0.9, "never plans above the usable budget");
        assertTrue(plan.freshnessP99Minutes() <= 3.0, "p99 " + plan.freshnessP99Minutes());
        assertEquals(1.32, plan.freshnessP50Minutes());
        assertEquals(2.61, plan.freshnessP99Minutes());
        assertTrue(plan.maxSymbolsWithinFreshnessTarget() >= 2700);
    }

    @Test
    void paperAccountBudgetStillCoversEveryBarButReportsDegradedFreshness() {
        CoveragePlan plan = CoveragePlanner.plan(input(2700, 2));
        assertTrue(plan.completeCoverage(), "a 25-minute cadence is inside the 30-minute lookback");
        assertFalse(plan.freshnessTargetMet());
        assertEquals("degraded-freshness", plan.status());
        assertEquals(1500, plan.groups().get(0).cadenceSeconds());
        assertEquals(24.75, plan.freshnessP99Minutes());
        assertTrue(plan.maxSymbolsWithinFreshnessTarget() < 2700);
        assertEquals(325, plan.maxSymbolsWithinFreshnessTarget()); // cadence 181 s (p99 179 s) × 1.8/s
    }

    @Test
    void tooManySymbolsForTheLookbackAreReportedIncomplete() {
        CoveragePlan plan = CoveragePlanner.plan(input(5000, 2));
        assertFalse(plan.completeCoverage());
        assertEquals("incomplete", plan.status());
        assertEquals(3240, plan.maxSymbolsFullyCovered()); // 1.8/s × 1800 s
    }

    @Test
    void aSmallUniverseIsSweptOnceAMinuteRightAfterTheMinute() {
        CoveragePlan plan = CoveragePlanner.plan(input(20, 19));
        CoveragePlan.Group group = plan.groups().get(0);
        assertEquals(60, group.cadenceSeconds());
        assertEquals(2, group.requestWindowMinutes());
        assertEquals(0.33, plan.requestsPerSecond());
        // 5 s offset + up to 20 / 17.1 s of sweep
        assertTrue(plan.freshnessP99Minutes() < 0.11 && plan.freshnessP50Minutes() >= 5.0 / 60);
    }

    @ParameterizedTest(name = "{0} symbols at {1}/s")
    @CsvSource({"1,1", "100,2", "2700,19", "2700,2", "5000,19", "40000,19", "2701,7.5"})
    void cadenceNeverNeedsMoreRequestsThanTheUsableBudget(int symbols, double budget) {
        CoveragePlan plan = CoveragePlanner.plan(input(symbols, budget));
        int cadence = plan.groups().get(0).cadenceSeconds();
        assertTrue((double) symbols / cadence <= budget * 0.9 + 1e-9);
        assertTrue(cadence >= 60, "no symbol is polled more than once a minute");
        assertEquals(plan.completeCoverage(), cadence <= 30 * 60);
        assertTrue(plan.freshnessP50Minutes() <= plan.freshnessP99Minutes());
    }

    @Test
    void nonsenseInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> input(0, 19));
        assertThrows(IllegalArgumentException.class, () -> input(10, 0));
        assertThrows(IllegalArgumentException.class, () -> input(10, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new PlanInput(10, 19, 0.9, 0, 180, 5));
    }
}
