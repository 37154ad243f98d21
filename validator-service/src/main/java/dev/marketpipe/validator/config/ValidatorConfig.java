package dev.marketpipe.validator.config;

import io.smallrye.config.ConfigMapping;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The validator's settings (quality rule thresholds, quality alert threshold). Defaults live in
 * {@code application.properties}; every one can be set by environment variable, e.g.
 * {@code MARKETPIPE_VALIDATOR_PRICE_LIMIT=0.15}.
 */
@ConfigMapping(prefix = "marketpipe.validator")
public interface ValidatorConfig {

    /** Daily price limit as a fraction of the previous close (KRX: 0.30 = ±30%), bounds allowed. */
    BigDecimal priceLimit();

    /** Largest realistic volume of one bar, inclusive. */
    long maxVolume();

    /** Prices on the exchange's tick grid. */
    TickGrid tickGrid();

    /** The quality score over time and its alert. */
    Quality quality();

    /** Previous closes kept in memory, one per (symbol, trading day). */
    int previousCloseCacheSize();

    /** Longest batch window the gap scan walks; longer windows are not scanned (and a WARN says so). */
    Duration gapScanMaxWindow();

    /** Duplicates and gaps judged against what the loader already stores. */
    CrossBatch crossBatch();

    /** How long the readiness check reuses its last answer about the loader. */
    Duration readinessCacheTtl();

    /** Most batches one {@code POST /v1/validations/groups} may carry. */
    int maxGroupBatches();

    /** The tick-grid check: the KRX price bands, or one flat tick for ETFs and ETNs. */
    interface TickGrid {

        /** Off: no price is checked against the grid (e.g. a source that serves adjusted prices). */
        boolean enabled();

        /** Symbols quoted on {@link #flatTick()} at every price (KRX ETFs and ETNs); none by default. */
        Optional<Set<String>> flatTickSymbols();

        /** Tick of the flat-tick symbols, KRW. */
        long flatTick();

        /** First trading date checked: the bands before 2023-01-25 differed between KOSPI and KOSDAQ. */
        LocalDate since();
    }

    /** The cross-batch checks: one loader read per market-data batch whose window is within the gap-scan limit. */
    interface CrossBatch {

        /** Off: duplicates and gaps are judged within each batch only, and no read is made. */
        boolean enabled();
    }

    /** Settings of the quality score beyond one batch. */
    interface Quality {

        /** Quality alert threshold: the window's score below this logs one WARN line and raises the gauge. */
        double alertBelow();

        /**
         * Fewest records the window must hold before its score can raise the alert: a handful of records (the first
         * batches after a start, a quiet symbol) say nothing about a share of 98%.
         */
        long alertMinRecords();

        /** How far back the sliding-window score looks. */
        Duration window();

        /** Trading days of per-symbol counts kept in memory for {@code GET /v1/quality}. */
        int retainedDays();

        /** Symbols counted per trading day; further symbols that day are not counted there. */
        int maxSymbolsPerDay();
    }
}
