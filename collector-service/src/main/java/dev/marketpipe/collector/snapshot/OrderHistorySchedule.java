package dev.marketpipe.collector.snapshot;

import io.smallrye.config.ConfigMapping;

/**
 * Schedule of the order-history job (spec §2 collection schedule, default every 5 minutes), under {@code marketpipe.collector.schedule.orders}; runs during
 * market hours only.
 */
@ConfigMapping(prefix = "marketpipe.collector.schedule.orders")
public interface OrderHistorySchedule {

    boolean enabled();

    /** Period between runs, as {@code @Scheduled(every)} reads it (e.g. {@code 10s}, {@code 5m}). */
    String every();
}
