package dev.marketpipe.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services' own settings are named {@code MARKETPIPE_*}; Quarkus' framework settings ({@code QUARKUS_HTTP_PORT},
 * {@code QUARKUS_PROFILE}, …) keep their names. A few settings were once set through Quarkus' names: those still
 * work (Quarkus reads them as before, and they win over the new name when both are set), and each service warns at
 * start-up which new name to use.
 */
@Singleton
public class DeprecatedEnvironment {

    private static final Logger LOG = Logger.getLogger(DeprecatedEnvironment.class);

    /** Old name → the name to use now. */
    static final Map<String, String> RENAMED = renamed();

    private final Map<String, String> environment;

    public DeprecatedEnvironment() {
        this(System.getenv());
    }

    DeprecatedEnvironment(Map<String, String> environment) {
        this.environment = environment;
    }

    void warnAtStart(@Observes StartupEvent started) {
        warnings().forEach(LOG::warn);
    }

    /** One line for each old name set in the environment. */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        RENAMED.forEach((old, current) -> {
            if (environment.containsKey(old)) {
                warnings.add(old + " is deprecated: set " + current + " instead"
                        + (environment.containsKey(current) ? " (both are set; " + old + " wins until it is removed)"
                                : ""));
            }
        });
        return warnings;
    }

    private static Map<String, String> renamed() {
        Map<String, String> renamed = new LinkedHashMap<>();
        renamed.put("QUARKUS_REST_CLIENT_LOADER_URL", "MARKETPIPE_LOADER_URL");
        renamed.put("QUARKUS_REST_CLIENT_LOADER_HEALTH_URL", "MARKETPIPE_LOADER_MANAGEMENT_URL");
        renamed.put("QUARKUS_REST_CLIENT_VALIDATOR_URL", "MARKETPIPE_VALIDATOR_URL");
        renamed.put("QUARKUS_REST_CLIENT_ARCHIVE_URL", "MARKETPIPE_ARCHIVE_URL");
        renamed.put("QUARKUS_DATASOURCE_JDBC_URL", "MARKETPIPE_DB_URL");
        renamed.put("QUARKUS_DATASOURCE_USERNAME", "MARKETPIPE_DB_USER");
        renamed.put("QUARKUS_DATASOURCE_PASSWORD", "MARKETPIPE_DB_PASSWORD");
        return Collections.unmodifiableMap(renamed);
    }
}
