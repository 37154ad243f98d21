package dev.marketpipe.loader.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the loader's read API (defaults in {@code application.properties}, each overridable by env var). */
@ConfigMapping(prefix = "marketpipe.loader")
public interface LoaderConfig {

    Bars bars();

    Lists lists();

    /** {@code GET /v1/bars} bounds: one request never scans more than this. */
    interface Bars {
        /** Longest {@code from..to} range one request may ask for, in days. */
        @WithDefault("400")
        int maxRangeDays();

        /** Most bars one answer holds; also the default {@code limit}. */
        @WithDefault("200000")
        int maxRows();
    }

    /** Page sizes of the quarantine and collection-log listings. */
    interface Lists {
        @WithDefault("100")
        int defaultLimit();

        @WithDefault("1000")
        int maxLimit();
    }
}
