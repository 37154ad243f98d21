package dev.marketpipe.loader.report;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.loader.bars.TimeRange;
import dev.marketpipe.loader.coverage.Coverage;
import dev.marketpipe.loader.coverage.CoverageReader;
import dev.marketpipe.loader.coverage.MissingBars;
import dev.marketpipe.wire.BarInterval;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link DailyReport}: expected bars come from the KRX calendar, stored and missing bars from the same
 * coverage runs {@code GET /v1/coverage} serves (one source of truth for "what is stored"), quarantined records from
 * the quarantine table; the KPIs are graded against {@link ReportConfig}. The configured symbols are listed even
 * without any data that day (then the whole session is missing).
 */
@ApplicationScoped
public class DailyReports {


    private final CoverageReader coverage;
    private final DailyActivityReader activity;
    private final ReportConfig config;
    private final MarketCalendar calendar;
    private final RealTimeReader realTime;

    public DailyReports(CoverageReader coverage, DailyActivityReader activity, ReportConfig config,
            MarketCalendar calendar, RealTimeReader realTime) {
        this.coverage = coverage;
        this.activity = activity;
        this.config = config;
        this.calendar = calendar;
        this.realTime = realTime;
    }

    public DailyReport report(LocalDate date, BarInterval interval) {
        Optional<Session> session = calendar.session(date);
        List<Instant> expected = calendar.barStarts(date, interval);
        TimeRange day = new TimeRange(date.atStartOfDay(MarketCalendar.KRX_ZONE).toInstant(),
                date.plusDays(1).atStartOfDay(MarketCalendar.KRX_ZONE).toInstant());
        Map<String, DailyActivityReader.Quarantined> active = activity.read(date, interval);
        for (String symbol : config.symbols().orElse(List.of())) {
            if (!symbol.isBlank()) {
                active.putIfAbsent(symbol.trim(), new DailyActivityReader.Quarantined(0, Map.of()));
            }
        }
        List<DailyReport.SymbolDay> symbols = new ArrayList<>();
        for (Map.Entry<String, DailyActivityReader.Quarantined> entry : active.entrySet()) {
            symbols.add(symbolDay(entry.getKey(), interval, day, expected, entry.getValue()));
        }
        return new DailyReport(date, interval, session.isPresent(), session.map(s -> kst(s.open())).orElse(null),
                session.map(s -> kst(s.close())).orElse(null), expected.size(), symbols, kpis(symbols),
                interval == BarInterval.ONE_MINUTE ? realTime.read(date).orElse(null) : null);
    }

    /** The report as its HTML page, the heat-map cut into {@code marketpipe.loader.report.heat-map-bucket}. */
    public DailyReportPage page(DailyReport report, Instant generatedAt) {
        return DailyReportPage.of(report, calendar.barStarts(report.date(), report.interval()), config.heatMapBucket(),
                generatedAt);
    }

    private DailyReport.SymbolDay symbolDay(String symbol, BarInterval interval, TimeRange day,
            List<Instant> expected, DailyActivityReader.Quarantined quarantined) {
        Coverage stored = coverage.read(symbol, interval, day);
        List<DailyReport.MissingRange> missing = MissingBars.of(expected, stored, interval.length()).stream()
                .map(r -> new DailyReport.MissingRange(kst(r.from()), kst(r.to()), r.bars()))
                .toList();
        long missingBars = missing.stream().mapToLong(DailyReport.MissingRange::bars).sum();
        return new DailyReport.SymbolDay(symbol, expected.size(), stored.bars(), missingBars, missing,
                quarantined.records(), quarantined.byReason(),
                ratio(stored.bars(), stored.bars() + quarantined.records()));
    }

    private DailyReport.Kpis kpis(List<DailyReport.SymbolDay> symbols) {
        long expected = symbols.stream().mapToLong(DailyReport.SymbolDay::expectedBars).sum();
        long missing = symbols.stream().mapToLong(DailyReport.SymbolDay::missingBars).sum();
        long stored = symbols.stream().mapToLong(DailyReport.SymbolDay::storedBars).sum();
        long quarantined = symbols.stream().mapToLong(DailyReport.SymbolDay::quarantined).sum();
        return new DailyReport.Kpis(
                Kpi.atLeast(100 * ratio(expected - missing, expected), config.completeness().target(),
                        config.completeness().alertBelow()),
                Kpi.atMost(missing, config.missingIntervals().target(), config.missingIntervals().alertAbove()),
                Kpi.atLeast(100 * ratio(stored, stored + quarantined), config.quality().target(),
                        config.quality().alertBelow()));
    }

    /** {@code part / whole}, 1 when there was nothing to measure (nothing expected is nothing missing). */
    private static double ratio(long part, long whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }

    private static OffsetDateTime kst(Instant instant) {
        return OffsetDateTime.ofInstant(instant, MarketCalendar.KRX_ZONE);
    }
}
