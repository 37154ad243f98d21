package dev.marketpipe.collector.provider;

import dev.marketpipe.collector.config.CollectorConfig;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.wire.SourceRole;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** The backup provider's access token, with the same lifecycle rules as the primary's. */
@Backup
@Singleton // not a client proxy: the superclass has no no-args constructor to proxy with
public class BackupAccessTokens extends AccessTokens {

    BackupAccessTokens(@Backup SecuritiesApi api, BackupProviderConfig backup, CollectorConfig config,
            TokenConfig tokenConfig, MarketClock clock, MeterRegistry registry) {
        super(api, SourceRole.BACKUP, backup.provider(), backup.appKey(), backup.appSecret(),
                config.api().tokenRefreshMargin(), tokenConfig.minRequestInterval(), clock, registry);
    }
}
