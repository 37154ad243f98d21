package dev.marketpipe.collector.provider;

import dev.marketpipe.collector.config.CollectorConfig;
import dev.marketpipe.wire.SourceRole;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The primary and the backup {@link SecuritiesProvider}, each built by the {@link ProviderFactory} named by its
 * {@code provider} setting, from that role's settings. Checked at start-up: an unknown provider type, or a provider
 * whose settings are incomplete (KIS without app key, secret or account), stops the collector with one line naming
 * the setting, instead of failing on the first call.
 */
@ApplicationScoped
public class ConfiguredProviders {

    private static final Logger LOG = Logger.getLogger(ConfiguredProviders.class);

    static final String PRIMARY_PREFIX = "marketpipe.collector.api";
    static final String BACKUP_PREFIX = "marketpipe.collector.backup-api";
    static final String PRIMARY_CLIENT = "securities-api";
    static final String BACKUP_CLIENT = "backup-securities-api";
    /** The REST client's timeouts when {@code quarkus.rest-client.<client>.connect-/read-timeout} are not set. */
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    private final Instance<ProviderFactory> factories;
    private final CollectorConfig collector;
    private final BackupProviderConfig backup;
    private final TokenConfig token;
    private final ProviderBudgets budgets;
    private final Config config;

    ConfiguredProviders(@Any Instance<ProviderFactory> factories, CollectorConfig collector,
            BackupProviderConfig backup, TokenConfig token, ProviderBudgets budgets, Config config) {
        this.factories = factories;
        this.collector = collector;
        this.backup = backup;
        this.token = token;
        this.budgets = budgets;
        this.config = config;
    }

    /** Builds the primary (and, with failover on, the backup) at start-up so that a bad setting stops the collector. */
    void onStart(@Observes StartupEvent event, SecuritiesProvider primary, @Backup SecuritiesProvider backupProvider,
            FailoverConfig failover) {
        try {
            primary.name();
            if (failover.enabled()) {
                backupProvider.name();
            }
        } catch (IllegalStateException unusable) {
            LOG.error("the collector cannot start: " + unusable.getMessage());
            throw unusable;
        }
    }

    @Produces
    @ApplicationScoped
    SecuritiesProvider primary() {
        return create(primarySettings());
    }

    /** The primary role's settings; the real-time feed authenticates with its app key and secret too. */
    public ProviderSettings primarySettings() {
        return new ProviderSettings(SourceRole.PRIMARY, PRIMARY_PREFIX, collector.api().provider(),
                ProviderNames.primary(collector), url(PRIMARY_CLIENT), timeout(PRIMARY_CLIENT, "connect", DEFAULT_CONNECT_TIMEOUT),
                timeout(PRIMARY_CLIENT, "read", DEFAULT_READ_TIMEOUT), collector.api().appKey(), collector.api().appSecret(),
                collector.api().pageSize(), budgets.of(SourceRole.PRIMARY),
                collector.api().tokenRefreshMargin(), token.minRequestInterval(), collector.api().demoCredentials());
    }

    @Produces
    @Backup
    @ApplicationScoped
    SecuritiesProvider backup() {
        return create(new ProviderSettings(SourceRole.BACKUP, BACKUP_PREFIX, backup.provider(),
                ProviderNames.backup(backup), url(BACKUP_CLIENT), timeout(BACKUP_CLIENT, "connect", DEFAULT_CONNECT_TIMEOUT),
                timeout(BACKUP_CLIENT, "read", DEFAULT_READ_TIMEOUT), backup.appKey(), backup.appSecret(),
                collector.api().pageSize(), budgets.of(SourceRole.BACKUP),
                collector.api().tokenRefreshMargin(), token.minRequestInterval(), collector.api().demoCredentials()));
    }

    /** The primary's access token (tests and the health check). */
    @Produces
    @Singleton // AccessTokens has no no-args constructor to proxy with
    AccessTokens primaryTokens(SecuritiesProvider primary) {
        return primary.tokens();
    }

    @Produces
    @Backup
    @Singleton
    AccessTokens backupTokens(@Backup SecuritiesProvider backupProvider) {
        return backupProvider.tokens();
    }

    private SecuritiesProvider create(ProviderSettings settings) {
        Instance<ProviderFactory> factory = factories.select(NamedLiteral.of(settings.type()));
        if (!factory.isResolvable()) {
            throw new IllegalStateException(settings.configPrefix() + ".provider=" + settings.type()
                    + " is no provider marketpipe knows; known: " + String.join(", ", known()));
        }
        return factory.get().create(settings);
    }

    private TreeSet<String> known() {
        TreeSet<String> names = new TreeSet<>();
        for (Instance.Handle<ProviderFactory> handle : factories.handles()) {
            handle.getBean().getQualifiers().stream().filter(Named.class::isInstance)
                    .map(q -> ((Named) q).value()).forEach(names::add);
        }
        return names;
    }

    private Optional<URI> url(String client) {
        return config.getOptionalValue("quarkus.rest-client." + client + ".url", String.class)
                .filter(u -> !u.isBlank()).map(URI::create);
    }

    private Duration timeout(String client, String kind, Duration otherwise) {
        return config.getOptionalValue("quarkus.rest-client." + client + "." + kind + "-timeout", Long.class)
                .map(Duration::ofMillis).orElse(otherwise);
    }
}
