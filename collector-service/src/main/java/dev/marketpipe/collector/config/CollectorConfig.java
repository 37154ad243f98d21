package dev.marketpipe.collector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Everything the collector can be told, under {@code marketpipe.collector} (defaults in application.properties). */
@ConfigMapping(prefix = "marketpipe.collector")
public interface CollectorConfig {

    Api api();

    /** The symbols the live job collects (spec §2). */
    List<String> symbols();

    Live live();

    Backfill backfill();

    /** The securities API (spec §1). */
    interface Api {
        /** Provider name written into every batch, e.g. {@code simulator} or {@code kis}. */
        String provider();

        String apiVersion();

        String appKey();

        String appSecret();

        /** A token is reused until this long before it expires. */
        Duration tokenRefreshMargin();

        @WithDefault("1000")
        int pageSize();
    }

    /** The scheduled collection of the last completed 1-minute bar. */
    interface Live {
        boolean enabled();

        /** Quartz cron of the live job (read by {@code @Scheduled}); by default 5 s past every minute. */
        String cron();
    }

    interface Backfill {
        /** API requests of backfill jobs in flight at once. */
        int parallelism();

        /** Finished jobs kept for {@code GET /v1/backfills/{id}}. */
        int retainedJobs();
    }
}
