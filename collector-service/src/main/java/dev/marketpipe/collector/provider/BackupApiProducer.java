package dev.marketpipe.collector.provider;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The backup provider's REST client: the same {@link SecuritiesApi} contract at another URL
 * ({@code quarkus.rest-client.backup-securities-api.url}), so every request kind the primary has, the backup has.
 */
public class BackupApiProducer {

    @Produces
    @Backup
    @ApplicationScoped
    SecuritiesApi backupApi(
            @ConfigProperty(name = "quarkus.rest-client.backup-securities-api.url") String url,
            @ConfigProperty(name = "quarkus.rest-client.backup-securities-api.connect-timeout", defaultValue = "2000") long connectTimeoutMs,
            @ConfigProperty(name = "quarkus.rest-client.backup-securities-api.read-timeout", defaultValue = "15000") long readTimeoutMs) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS)
                .build(SecuritiesApi.class);
    }
}
