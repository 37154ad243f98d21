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
 * @param demoCredentials whether the bundled simulator's demo key and secret may be used: in place of unset ones,
 *                      and as configured ones ({@code marketpipe.collector.api.demo-credentials}, off by default)
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
        Duration tokenMinRequestInterval,
        boolean demoCredentials) {

    /** The bundled simulator's app key and secret (market-simulator's {@code marketpipe.simulator.app-key}). */
    public static final String DEMO_APP_KEY = "demo-app-key";
    public static final String DEMO_APP_SECRET = "demo-app-secret";
    private static final String DEMO_SWITCH = "marketpipe.collector.api.demo-credentials";

    /**
     * The app key; {@link IllegalStateException} naming the setting when it is not set, or when it is the simulator's
     * demo key and demo credentials are not allowed.
     */
    public String requiredAppKey() {
        return credential(appKey, DEMO_APP_KEY, "app-key");
    }

    /** The app secret, as {@link #requiredAppKey()}. */
    public String requiredAppSecret() {
        return credential(appSecret, DEMO_APP_SECRET, "app-secret");
    }

    private String credential(Optional<String> configured, String demo, String key) {
        Optional<String> value = configured.filter(v -> !v.isBlank());
        if (value.isEmpty() && demoCredentials) {
            return demo;
        }
        String set = value.orElseThrow(() -> missing(key));
        if (set.equals(demo) && !demoCredentials) {
            throw new IllegalStateException("provider " + type + " (" + role.code() + ") is configured with the "
                    + "bundled simulator's demo " + key + ": give it its own, or set " + DEMO_SWITCH
                    + "=true when it is the simulator");
        }
        return set;
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
                + property.toUpperCase().replace('.', '_').replace('-', '_') + "), or " + DEMO_SWITCH
                + "=true for the bundled simulator");
    }

    @Override
    public String toString() {
        return "ProviderSettings[" + role.code() + ", type=" + type + ", name=" + name + ", url=" + url.orElse(null)
                + ", appKey=***, appSecret=***]";
    }
}
