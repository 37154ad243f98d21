package dev.marketpipe.collector.provider;

import io.smallrye.config.ConfigMapping;

/**
 * The backup securities API (spec §1 "Secondary API"): its own name and credentials. Its URL and timeouts are
 * {@code quarkus.rest-client.backup-securities-api.*}; it is used only with {@code marketpipe.collector.failover.enabled}.
 */
@ConfigMapping(prefix = "marketpipe.collector.backup-api")
public interface BackupProviderConfig {

    /** Provider name written into batches it answered, e.g. {@code simulator-backup}. */
    String provider();

    String appKey();

    String appSecret();
}
