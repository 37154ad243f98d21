package dev.marketpipe.collector.schedule;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Incremental collection from the collection state ({@code marketpipe.collector.incremental}). */
@ConfigMapping(prefix = "marketpipe.collector.incremental")
public interface IncrementalConfig {

    /**
     * How far back the live job catches up from a symbol's last archived bar in one request (after a restart or a
     * lease hand-over). Older holes are left to the gap-fill job. The live job uses the larger of this and its
     * planned cadence, never more than the planner's lookback ({@code LiveCollector}).
     */
    @WithDefault("10M")
    Duration maxCatchUp();
}
