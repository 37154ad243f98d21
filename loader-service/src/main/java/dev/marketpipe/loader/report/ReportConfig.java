package dev.marketpipe.loader.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The spec §8 KPI targets and alert thresholds the daily report grades the day against; configurable because an
 * operator may tighten them, defaults from the spec's KPI table.
 */
@ConfigMapping(prefix = "marketpipe.loader.report")
public interface ReportConfig {

    Percent quality();

    Percent completeness();

    MissingIntervals missingIntervals();

    /** A percentage KPI: {@code ok} at or above the target, {@code alert} below the alert threshold. */
    interface Percent {
        double target();

        double alertBelow();
    }

    /** Spec §8 "Missing Data Intervals": target 0, alert above 5 per day. */
    interface MissingIntervals {
        @WithDefault("0")
        long target();

        @WithDefault("5")
        long alertAbove();
    }
}
