package dev.marketpipe.archive.store;

import dev.marketpipe.archive.config.ArchiveConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The {@link ArchiveStore} named by {@code marketpipe.archive.store}; resolved at start-up so a misspelt name
 * stops the service instead of failing the first batch. Adding a store is one new named bean, nothing here.
 */
@Singleton
@Startup
public class ConfiguredArchiveStore {

    private final ArchiveStore store;

    @Inject
    public ConfiguredArchiveStore(ArchiveConfig config, @Any Instance<ArchiveStore> stores) {
        Instance<ArchiveStore> named = stores.select(NamedLiteral.of(config.store()));
        if (!named.isResolvable()) {
            throw new IllegalStateException("no archive store named '" + config.store()
                    + "' (marketpipe.archive.store); available: filesystem, s3");
        }
        this.store = named.get();
    }

    public ArchiveStore get() {
        return store;
    }
}
