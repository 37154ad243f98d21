package dev.marketpipe.loader.report;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.qute.TemplateInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The daily report as a self-contained HTML page (template {@code templates/DailyReportPage.html}: inline CSS, no
 * scripts, no external assets), for a person rather than a program: the KPIs coloured by status, a completeness
 * heat-map of symbols × time of day, and per symbol the missing intervals and quarantined records by reason. Qute
 * escapes every value, so symbols and reasons (which are data) never become markup.
 */
public record DailyReportPage(DailyReport report, String session, String overall, List<KpiRow> kpis,
        HeatMap heatMap, List<SymbolRow> symbols, String generatedAt) implements TemplateInstance {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'KST'",
            Locale.ROOT).withZone(MarketCalendar.KRX_ZONE);

    /** One KPI line: measured value, target, alert threshold, status ({@code ok|warning|alert}). */
    public record KpiRow(String name, String value, String target, String alertThreshold, String status) {
    }

    /** One symbol's line of the detail table. */
    public record SymbolRow(String symbol, long expected, long stored, long missing, List<String> missingRanges,
            long quarantined, List<String> reasons, String quality) {
    }

    /**
     * @param expected    the calendar's bar starts the report was built from
     * @param bucket      heat-map column width
     * @param generatedAt when the page is made (shown in its footer)
     */
    public static DailyReportPage of(DailyReport report, List<Instant> expected, Duration bucket,
            Instant generatedAt) {
        DailyReport.Kpis k = report.kpis();
        List<KpiRow> kpis = List.of(
                percent("Completeness", k.completeness()),
                new KpiRow("Missing intervals (bars)", count(k.missingIntervals().value()),
                        "≤ " + count(k.missingIntervals().target()),
                        "> " + count(k.missingIntervals().alertThreshold()), k.missingIntervals().status().code()),
                percent("Data quality", k.quality()));
        List<SymbolRow> symbols = report.symbols().stream().map(s -> symbolRow(s, report.interval())).toList();
        return new DailyReportPage(report, session(report), k.overall().code(), kpis,
                HeatMap.of(report, expected, bucket), symbols, STAMP.format(generatedAt));
    }

    private static String session(DailyReport report) {
        if (!report.tradingDay()) {
            return "Not a trading day (weekend or holiday): no bars were expected.";
        }
        return "Trading day, session " + CLOCK.format(report.sessionOpen()) + "–" + CLOCK.format(report.sessionClose())
                + " KST, " + report.expectedBars() + " bars of " + report.interval().code()
                + " expected per symbol.";
    }

    private static KpiRow percent(String name, Kpi kpi) {
        return new KpiRow(name, percent(kpi.value()), "≥ " + percent(kpi.target()),
                "< " + percent(kpi.alertThreshold()), kpi.status().code());
    }

    private static SymbolRow symbolRow(DailyReport.SymbolDay day, BarInterval interval) {
        List<String> missing = day.missing().stream()
                .map(r -> interval.isIntraday() ? range(r.from(), r.to()) + " (" + r.bars() + ")" : "the daily bar")
                .toList();
        List<String> reasons = day.quarantinedByReason().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .toList();
        return new SymbolRow(day.symbol(), day.expectedBars(), day.storedBars(), day.missingBars(), missing,
                day.quarantined(), reasons, percent(100 * day.qualityScore()));
    }

    private static String range(OffsetDateTime from, OffsetDateTime to) {
        return CLOCK.format(from) + "–" + CLOCK.format(to);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f %%", value);
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%d", Math.round(value));
    }
}
