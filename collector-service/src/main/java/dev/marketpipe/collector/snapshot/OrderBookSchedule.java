package dev.marketpipe.collector.snapshot;

import io.smallrye.config.ConfigMapping;

/**
 * Schedule of the order-book snapshot job (spec §2 collection schedule, default every 10 s), under {@code marketpipe.collector.schedule.orderbook}; runs during
 * market hours only.
 */
@ConfigMapping(prefix = "marketpipe.collector.schedule.orderbook")
public interface OrderBookSchedule {

    boolean enabled();

    /** Period between runs, as {@code @Scheduled(every)} reads it (e.g. {@code 10s}, {@code 5m}). */
    String every();
}
