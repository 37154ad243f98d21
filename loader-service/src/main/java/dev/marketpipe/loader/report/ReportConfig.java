package dev.marketpipe.loader.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The daily report's settings: the monitoring KPI targets and alert thresholds it grades the day against (configurable
 * because an operator may tighten them), the symbols it must always show, and when the after-close report is
 * generated and how long it is kept.
 */
@ConfigMapping(prefix = "marketpipe.loader.report")
public interface ReportConfig {

    Percent quality();

    Percent completeness();

    MissingIntervals missingIntervals();

    /**
     * Symbols every report lists, with or without data that day: a symbol the collector should have collected but
     * for which nothing at all arrived is the most missing a symbol can be, and would otherwise not appear.
     */
    Optional<List<String>> symbols();

    /** Quartz cron (Asia/Seoul) of the after-close job; {@code off} disables it. Read by {@code @Scheduled}. */
    @WithDefault("0 10 16 * * ?")
    String generateCron();

    /** Bar intervals the after-close job keeps a report of, as codes ({@code 1m}, {@code 5m}, {@code 1d}). */
    @WithDefault("1m")
    List<String> generateIntervals();

    /** Kept reports older than this many days are purged by the after-close job. */
    @WithDefault("400")
    int keepDays();

    /** Width of one time-of-day column of the HTML page's completeness heat-map. */
    @WithDefault("30M")
    Duration heatMapBucket();

    /** How often the {@code marketpipe.loader.missing.intervals} gauge is recounted. */
    @WithDefault("5M")
    Duration missingIntervalsRefresh();

    /** A bar counts as missing in that gauge once its end is this long past (collection and loading take a while). */
    @WithDefault("10M")
    Duration missingIntervalsGrace();

    /** A percentage KPI: {@code ok} at or above the target, {@code alert} below the alert threshold. */
    interface Percent {
        double target();

        double alertBelow();
    }

    /** KPI "missing data intervals": target 0, alert above 5 per day. */
    interface MissingIntervals {
        @WithDefault("0")
        long target();

        @WithDefault("5")
        long alertAbove();
    }
}
