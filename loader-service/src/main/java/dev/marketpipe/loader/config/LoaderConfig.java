package dev.marketpipe.loader.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Settings of the loader's load and read API (defaults in {@code application.properties}, each overridable by env
 * var).
 */
@ConfigMapping(prefix = "marketpipe.loader")
public interface LoaderConfig {

    Bars bars();

    Read read();

    Lists lists();

    Loads loads();

    /** {@code POST /v1/loads/groups}. */
    interface Loads {
        /** Most batches one group may carry. */
        int maxGroupBatches();
    }

    /** {@code GET /v1/bars} page size: one answer never holds more than this. */
    interface Bars {
        /** Most bars one answer holds; also the default {@code limit}. */
        @WithDefault("200000")
        int maxRows();
    }

    /** Bounds of the trading system's read API ({@code /v1/bars}, {@code /v1/bars/latest}). */
    interface Read {
        /** Most symbols one {@code GET /v1/bars/latest} may name. */
        @WithDefault("500")
        int maxSymbols();

        MaxRange maxRange();

        /**
         * Longest {@code from..to} range of one {@code GET /v1/bars}. Intraday: a calendar month at most, so a
         * request touches at most two monthly partitions of {@code market_data_1min}; daily: more than a year, so
         * a year of daily bars is one request.
         */
        interface MaxRange {
            @WithDefault("31D")
            Duration intraday();

            @WithDefault("400D")
            Duration daily();
        }
    }

    /** Page sizes of the quarantine and collection-log listings. */
    interface Lists {
        @WithDefault("100")
        int defaultLimit();

        @WithDefault("1000")
        int maxLimit();
    }
}
