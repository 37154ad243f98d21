package dev.marketpipe.collector.provider;

import dev.marketpipe.collector.budget.RateBudget;
import dev.marketpipe.wire.SourceRole;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * What every provider is given for one role (primary or backup), read from that role's configuration
 * ({@code marketpipe.collector.api.*} / {@code marketpipe.collector.backup-api.*} and the REST client's
 * {@code quarkus.rest-client.securities-api.*} / {@code backup-securities-api.*}).
 *
 * @param configPrefix  where the role's settings live, for messages that name a missing one
 * @param url           the configured base URL; a provider with well-known hosts may ignore an unset one
 * @param pageSize      records per request where the provider lets the client choose
 */
public record ProviderSettings(
        SourceRole role,
        String configPrefix,
        String type,
        String name,
        Optional<URI> url,
        Duration connectTimeout,
        Duration readTimeout,
        Optional<String> appKey,
        Optional<String> appSecret,
        int pageSize,
        RateBudget budget,
        Duration tokenRefreshMargin,
        Duration tokenMinRequestInterval) {

    /** The app key; {@link IllegalStateException} naming the setting when it is not set. */
    public String requiredAppKey() {
        return appKey.filter(v -> !v.isBlank()).orElseThrow(() -> missing("app-key"));
    }

    /** The app secret; {@link IllegalStateException} naming the setting when it is not set. */
    public String requiredAppSecret() {
        return appSecret.filter(v -> !v.isBlank()).orElseThrow(() -> missing("app-secret"));
    }

    /** The base URL; {@link IllegalStateException} naming the setting when it is not set. */
    public URI requiredUrl(String restClientKey) {
        return url.orElseThrow(() -> new IllegalStateException("provider " + type + " (" + role.code()
                + ") needs quarkus.rest-client." + restClientKey + ".url"));
    }

    /** The error for a setting {@code key} under this role's prefix that is not set. */
    public IllegalStateException missing(String key) {
        String property = configPrefix + "." + key;
        return new IllegalStateException("provider " + type + " (" + role.code() + ") needs " + property + " (env "
                + property.toUpperCase().replace('.', '_').replace('-', '_') + ")");
    }

    @Override
    public String toString() {
        return "ProviderSettings[" + role.code() + ", type=" + type + ", name=" + name + ", url=" + url.orElse(null)
                + ", appKey=***, appSecret=***]";
    }
}
