package dev.marketpipe.collector.reconciliation;

import io.smallrye.config.ConfigMapping;

/** Data reconciliation, comparing the primary's and the backup's data ({@code marketpipe.collector.reconciliation}). */
@ConfigMapping(prefix = "marketpipe.collector.reconciliation")
public interface ReconciliationConfig {

    /** Run the daily job (it needs the backup source, {@code marketpipe.collector.failover.enabled}). */
    boolean enabled();

    /** Quartz cron of the daily job, in Asia/Seoul (read by {@code @Scheduled}); by default 16:30 KST on weekdays. */
    String cron();

    /** Symbols compared per daily run: a window that rotates through the configured universe day by day. */
    int sampleSize();

    /** Trading days compared per daily run, ending with the latest completed session. */
    int lookbackDays();
}
