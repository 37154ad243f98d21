package dev.marketpipe.console.client;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** The loader's daily report of one KST date ({@code GET /v1/reports/daily}, docs/CONTRACTS.md). */
@RegisterForReflection
public record DailyReport(String date, String interval, boolean tradingDay, String sessionOpen, String sessionClose,
        long expectedBars, List<SymbolDay> symbols, Kpis kpis) {

    /** One symbol's day. */
    public record SymbolDay(String symbol, long expectedBars, long storedBars, long missingBars, long quarantined,
            double qualityScore) {
    }

    /** The three KPIs of the day. */
    public record Kpis(Kpi completeness, Kpi missingIntervals, Kpi quality) {
    }

    /** One KPI: value, target, alert threshold and {@code ok|warning|alert}. */
    public record Kpi(double value, double target, double alertThreshold, String status) {
    }
}
