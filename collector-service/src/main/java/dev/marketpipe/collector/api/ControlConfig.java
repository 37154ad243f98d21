package dev.marketpipe.collector.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Operator and test hooks of the collector's API ({@code marketpipe.collector.control}). */
@ConfigMapping(prefix = "marketpipe.collector.control")
public interface ControlConfig {

    /**
     * Whether {@code POST /v1/live/run} may run one live cycle on demand (for system tests and drills; off in
     * production, where only the schedule runs the live job).
     */
    @WithDefault("false")
    boolean liveTrigger();
}
