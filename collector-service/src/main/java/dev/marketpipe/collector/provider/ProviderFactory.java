package dev.marketpipe.collector.provider;

/**
 * Builds the {@link SecuritiesProvider} of one type. One CDI bean per type, {@code @Named} for the value of
 * {@code marketpipe.collector.api.provider} that selects it (as Debezium Server names its sinks); adding a provider
 * adds a package and touches no core code.
 */
public interface ProviderFactory {

    /**
     * The provider for {@code settings}; {@link IllegalStateException} naming the missing or wrong setting when the
     * provider cannot work with them, so the collector refuses to start instead of failing on its first call.
     */
    SecuritiesProvider create(ProviderSettings settings);
}
