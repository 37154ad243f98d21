package dev.marketpipe.collector.provider;

import dev.marketpipe.collector.config.CollectorConfig;

/** The names batches and rate budgets record for the configured providers: the configured name, else the type. */
public final class ProviderNames {

    private ProviderNames() {
    }

    public static String primary(CollectorConfig config) {
        return config.api().name().filter(n -> !n.isBlank()).orElse(config.api().provider());
    }

    public static String backup(BackupProviderConfig config) {
        return config.name().filter(n -> !n.isBlank()).orElse(config.provider());
    }
}
