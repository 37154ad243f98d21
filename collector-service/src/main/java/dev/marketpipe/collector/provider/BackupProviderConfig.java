package dev.marketpipe.collector.provider;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * The backup securities API: its type, name and credentials. Its URL and timeouts are
 * {@code quarkus.rest-client.backup-securities-api.*}; it is used only with {@code marketpipe.collector.failover.enabled}.
 */
@ConfigMapping(prefix = "marketpipe.collector.backup-api")
public interface BackupProviderConfig {

    /** Which securities API the backup is ({@code spec}, {@code kis}). */
    @WithDefault("spec")
    String provider();

    /** Name written into batches it answered, e.g. {@code simulator-backup}; unset, the provider type. */
    Optional<String> name();

    Optional<String> appKey();

    Optional<String> appSecret();
}
