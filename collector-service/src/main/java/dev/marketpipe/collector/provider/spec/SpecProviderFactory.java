package dev.marketpipe.collector.provider.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.provider.AccessTokens;
import dev.marketpipe.collector.provider.ProviderFactory;
import dev.marketpipe.collector.provider.ProviderSettings;
import dev.marketpipe.collector.provider.SecuritiesProvider;
import dev.marketpipe.wire.SourceRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code marketpipe.collector.api.provider=spec}: the {@code spec} provider's contract at the configured URL, with the
 * configured credentials (the simulator's demo ones only with {@code marketpipe.collector.api.demo-credentials=true}).
 */
@Named("spec")
@Unremovable
@ApplicationScoped
public class SpecProviderFactory implements ProviderFactory {

    private final ObjectMapper mapper;
    private final MarketClock clock;
    private final MeterRegistry registry;

    SpecProviderFactory(ObjectMapper mapper, MarketClock clock, MeterRegistry registry) {
        this.mapper = mapper;
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public SecuritiesProvider create(ProviderSettings settings) {
        String client = settings.role() == SourceRole.BACKUP ? "backup-securities-api" : "securities-api";
        SpecRestClient api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(settings.requiredUrl(client))
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(SpecRestClient.class);
        String appKey = settings.requiredAppKey();
        String appSecret = settings.requiredAppSecret();
        AccessTokens tokens = new AccessTokens(new SpecTokenIssuer(api, settings.budget(), appKey, appSecret, clock),
                settings, clock, registry);
        return new SpecProvider(api, settings, tokens, mapper, Set.copyOf(List.of(appKey, appSecret)));
    }
}
