package dev.marketpipe.collector.provider.kis;

import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.provider.AccessTokens;
import dev.marketpipe.collector.provider.ProviderFactory;
import dev.marketpipe.collector.provider.ProviderSettings;
import dev.marketpipe.collector.provider.SecuritiesProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * {@code marketpipe.collector.api.provider=kis}: the KIS Open API. Needs the app key and secret and the account
 * ({@code marketpipe.collector.kis.account}); without any of them the collector does not start.
 */
@Named("kis")
@Unremovable
@ApplicationScoped
public class KisProviderFactory implements ProviderFactory {

    private final KisConfig config;
    private final DataSource dataSource;
    private final MarketClock clock;
    private final MeterRegistry registry;

    KisProviderFactory(KisConfig config, DataSource dataSource, MarketClock clock, MeterRegistry registry) {
        this.config = config;
        this.dataSource = dataSource;
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public SecuritiesProvider create(ProviderSettings settings) {
        String appKey = settings.requiredAppKey();
        String appSecret = settings.requiredAppSecret();
        KisAccount account = account();
        URI url = config.url().orElse(config.paper() ? config.paperUrl() : config.realUrl());
        KisRestClient api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(KisRestClient.class);
        KisTokenIssuer issuer = new KisTokenIssuer(api, new KisTokenStore(dataSource, settings.name(), appSecret),
                settings.budget(), appKey, appSecret, settings.tokenRefreshMargin(),
                settings.tokenMinRequestInterval(), clock);
        return new KisProvider(api, settings, config, account, new AccessTokens(issuer, settings, clock, registry));
    }

    private KisAccount account() {
        String text = config.account().filter(a -> !a.isBlank()).orElseThrow(() -> new IllegalStateException(
                "provider kis needs marketpipe.collector.kis.account (env MARKETPIPE_COLLECTOR_KIS_ACCOUNT), e.g."
                        + " 12345678-01"));
        try {
            return KisAccount.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("marketpipe.collector.kis.account: " + e.getMessage());
        }
    }
}
