package dev.marketpipe.collector.provider;

import dev.marketpipe.collector.budget.Budgeted;
import dev.marketpipe.wire.SourceRole;
import io.quarkus.arc.BindingsSource;
import io.quarkus.arc.InterceptionProxy;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The backup provider's REST client: the same {@link SecuritiesApi} contract at another URL
 * ({@code quarkus.rest-client.backup-securities-api.url}), so every request kind the primary has, the backup has.
 * A client built here is no CDI bean, so the container wraps it to apply the {@link Budgeted} interceptor, with the
 * bindings of {@link BackupBudget}: each request takes a token of the backup's own rate budget.
 */
public class BackupApiProducer {

    @Produces
    @Backup
    @ApplicationScoped
    SecuritiesApi backupApi(@BindingsSource(BackupBudget.class) InterceptionProxy<SecuritiesApi> budgeted,
            @ConfigProperty(name = "quarkus.rest-client.backup-securities-api.url") String url,
            @ConfigProperty(name = "quarkus.rest-client.backup-securities-api.connect-timeout", defaultValue = "2000") long connectTimeoutMs,
            @ConfigProperty(name = "quarkus.rest-client.backup-securities-api.read-timeout", defaultValue = "15000") long readTimeoutMs) {
        return budgeted.create(QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS)
                .build(SecuritiesApi.class));
    }

    /** Where the backup client's interceptor bindings come from (instead of {@link SecuritiesApi}'s own). */
    @Budgeted(SourceRole.BACKUP)
    abstract static class BackupBudget {
    }
}
