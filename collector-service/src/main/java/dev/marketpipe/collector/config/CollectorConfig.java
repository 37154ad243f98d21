package dev.marketpipe.collector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything the collector can be told, under {@code marketpipe.collector} (defaults in application.properties). */
@ConfigMapping(prefix = "marketpipe.collector")
public interface CollectorConfig {

    Api api();

    /** The symbols the live job collects. */
    List<String> symbols();

    Live live();

    Backfill backfill();

    /** The securities API. */
    interface Api {
        /** Which securities API this is: {@code spec} (the contract the bundled simulator serves) or {@code kis}. */
        @WithDefault("spec")
        String provider();

        /**
         * Name written into every batch and keying the provider's rate budget, e.g. {@code simulator}; unset, the
         * provider type.
         */
        Optional<String> name();

        String apiVersion();

        Optional<String> appKey();

        Optional<String> appSecret();

        /**
         * Whether the bundled simulator's demo key and secret may be used (in place of unset ones, for the primary
         * and the backup): for the demo, the tests and a chart that deploys the simulator; off, a collector
         * configured with them refuses to start.
         */
        @WithDefault("false")
        boolean demoCredentials();

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
        /** Finished jobs kept for {@code GET /v1/backfills/{id}}. */
        int retainedJobs();
    }
}
