package dev.marketpipe.archive.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Settings of {@code GET /v1/integrity}. Defaults in {@code application.properties}. */
@ConfigMapping(prefix = "marketpipe.archive.integrity")
public interface IntegrityConfig {

    /**
     * Age after which retention may have deleted an envelope (compressed archives are kept 1 year): a
     * missing file of a day older than this is reported as expired, not missing. Keep it equal to the retention's
     * delete age.
     */
    Duration expiredAfter();
}
