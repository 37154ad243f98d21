package dev.marketpipe.loader.coverage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds of {@code GET /v1/coverage} (the collector's gap-fill asks it which bars are stored). */
@ConfigMapping(prefix = "marketpipe.loader.coverage")
public interface CoverageConfig {

    /** Longest {@code from..to} range one coverage request may ask for, in days. */
    @WithDefault("100")
    int maxRangeDays();
}
