package dev.marketpipe.archive.config;

import io.smallrye.config.ConfigMapping;

/** Bounds of {@code GET /v1/batches}: how much one request may ask for. Defaults in {@code application.properties}. */
@ConfigMapping(prefix = "marketpipe.archive.listing")
public interface ListingConfig {

    /** Most archive days one request may span ({@code from}..{@code to}, inclusive). */
    int maxDays();

    /** Page size when the request names no {@code limit}. */
    int defaultLimit();

    /** Largest {@code limit} accepted. */
    int maxLimit();
}
