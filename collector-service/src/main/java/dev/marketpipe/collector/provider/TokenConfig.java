package dev.marketpipe.collector.provider;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Token lifecycle (authentication, renewal on a 401), under {@code marketpipe.collector.token}. */
@ConfigMapping(prefix = "marketpipe.collector.token")
public interface TokenConfig {

    /**
     * At most one token request per provider in this interval, failed requests included (KIS issues one token per
     * minute). While a renewal is not allowed yet, calls fail fast with an authentication error instead of asking.
     */
    Duration minRequestInterval();
}
