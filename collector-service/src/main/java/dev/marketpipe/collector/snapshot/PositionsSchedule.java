package dev.marketpipe.collector.snapshot;

import io.smallrye.config.ConfigMapping;

/**
 * Schedule of the positions job (spec §2 collection schedule, default every 5 minutes), under {@code marketpipe.collector.schedule.positions}; runs during
 * market hours only.
 */
@ConfigMapping(prefix = "marketpipe.collector.schedule.positions")
public interface PositionsSchedule {

    boolean enabled();

    /** Period between runs, as {@code @Scheduled(every)} reads it (e.g. {@code 10s}, {@code 5m}). */
    String every();
}
