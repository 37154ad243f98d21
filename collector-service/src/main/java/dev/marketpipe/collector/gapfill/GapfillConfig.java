package dev.marketpipe.collector.gapfill;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** The self-healing gap-fill job ({@code marketpipe.collector.gapfill}; defaults in application.properties). */
@ConfigMapping(prefix = "marketpipe.collector.gapfill")
public interface GapfillConfig {

    /** Whether the scheduled run happens ({@code POST /v1/gapfills} works either way). */
    @WithDefault("true")
    boolean scheduleEnabled();

    /** Quartz cron of the scheduled run (read by {@code @Scheduled}). */
    @WithDefault("0 */15 * * * ?")
    String cron();

    /** The scheduled run checks today and this many trading days before it. */
    @WithDefault("5")
    int lookbackTradingDays();

    /** Intervals the scheduled run checks, as the API writes them ({@code 1m}, {@code 5m}, {@code 1d}). */
    @WithDefault("1m,5m,1d")
    List<String> intervals();

    /** Bars that ended less than this before now are left to the live job. */
    @WithDefault("2M")
    Duration settle();

    /** Answered requests per missing bar start before gap-fill stops asking (e.g. a bar that is quarantined). */
    @WithDefault("3")
    int maxAttempts();

    /** Attempt records older than this are forgotten. */
    @WithDefault("14D")
    Duration attemptRetention();

    /** Longest {@code from..to} of one gap-fill, in days (the loader's coverage query allows 100). */
    @WithDefault("90")
    int maxRangeDays();

    /** Finished jobs kept for {@code GET /v1/gapfills/{id}}. */
    @WithDefault("100")
    int retainedJobs();
}
