package dev.marketpipe.console.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The console's settings ({@code marketpipe.console.*}, application.properties). */
@ConfigMapping(prefix = "marketpipe.console")
public interface ConsoleConfig {

    /** API base URLs of the stages (the person's token goes with every call). */
    String collectorUrl();

    String archiveUrl();

    String validatorUrl();

    String loaderUrl();

    /** Management base URLs of the collector's instances (health, metrics). */
    List<String> collectorManagementUrl();

    List<String> archiveManagementUrl();

    List<String> validatorManagementUrl();

    List<String> loaderManagementUrl();

    /** Alertmanager's base URL; empty: no alerts shown. */
    Optional<String> alertmanagerUrl();

    /** Longest wait for one health, metrics or alerts read. */
    Duration probeTimeout();

    /** The sign-in cookie is sent over HTTPS only. */
    boolean secureCookie();

    /** Seconds between refreshes of a running job's page. */
    int refreshSeconds();
}
