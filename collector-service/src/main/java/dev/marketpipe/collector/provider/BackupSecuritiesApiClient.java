package dev.marketpipe.collector.provider;

import dev.marketpipe.collector.config.MarketClock;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * The backup securities API behind the same error policy as the primary: it inherits every request method and
 * its fault-tolerance annotations, with a circuit breaker of its own. Override a value per method with
 * {@code quarkus.fault-tolerance."dev.marketpipe.collector.provider.BackupSecuritiesApiClient/<method>".…}.
 */
@Backup
@Singleton // not a client proxy: the superclass has no no-args constructor to proxy with
public class BackupSecuritiesApiClient extends SecuritiesApiClient {

    BackupSecuritiesApiClient(@Backup SecuritiesProvider provider, MarketClock clock, MeterRegistry registry) {
        super(provider, clock, registry);
    }
}
