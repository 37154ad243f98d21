package dev.marketpipe.validator.config;

import io.smallrye.config.ConfigMapping;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The validator's settings (spec §5 thresholds, §7.2 alert threshold). Defaults live in
 * {@code application.properties}; every one can be set by environment variable, e.g.
 * {@code MARKETPIPE_VALIDATOR_PRICE_LIMIT=0.15}.
 */
@ConfigMapping(prefix = "marketpipe.validator")
public interface ValidatorConfig {

    /** §5.2 daily price limit as a fraction of the previous close (KRX: 0.30 = ±30%), bounds allowed. */
    BigDecimal priceLimit();

    /** §5.2 largest realistic volume of one bar, inclusive. */
    long maxVolume();

    /** The quality score over time (spec §8) and its §7.2 alert. */
    Quality quality();

    /** Previous closes kept in memory, one per (symbol, trading day). */
    int previousCloseCacheSize();

    /** Longest batch window the §5.4 gap scan walks; longer windows are not scanned (and a WARN says so). */
    Duration gapScanMaxWindow();

    /** §5.4 duplicates and gaps judged against what the loader already stores. */
    CrossBatch crossBatch();

    /** How long the readiness check reuses its last answer about the loader. */
    Duration readinessCacheTtl();

    /** The cross-batch checks: one loader read per market-data batch whose window is within the gap-scan limit. */
    interface CrossBatch {

        /** Off: duplicates and gaps are judged within each batch only, and no read is made. */
        boolean enabled();
    }

    /** Settings of the quality score beyond one batch. */
    interface Quality {

        /** §7.2/§8 alert threshold: the window's score below this logs one WARN line and raises the gauge. */
        double alertBelow();

        /** How far back the sliding-window score looks. */
        Duration window();

        /** Trading days of per-symbol counts kept in memory for {@code GET /v1/quality}. */
        int retainedDays();

        /** Symbols counted per trading day; further symbols that day are not counted there. */
        int maxSymbolsPerDay();
    }
}
