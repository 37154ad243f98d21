package dev.marketpipe.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeprecatedEnvironmentTest {

    @Test
    void anOldNameInTheEnvironmentIsNamedWithItsReplacement() {
        DeprecatedEnvironment environment = new DeprecatedEnvironment(Map.of(
                "QUARKUS_REST_CLIENT_LOADER_URL", "http://loader:8084",
                "MARKETPIPE_VALIDATOR_URL", "http://validator:8083",
                "QUARKUS_DATASOURCE_PASSWORD", "secret", "MARKETPIPE_DB_PASSWORD", "secret"));

        assertEquals(List.of(
                "QUARKUS_REST_CLIENT_LOADER_URL is deprecated: set MARKETPIPE_LOADER_URL instead",
                "QUARKUS_DATASOURCE_PASSWORD is deprecated: set MARKETPIPE_DB_PASSWORD instead (both are set; "
                        + "QUARKUS_DATASOURCE_PASSWORD wins until it is removed)"), environment.warnings());
    }

    @Test
    void theCurrentNamesAloneWarnOfNothing() {
        DeprecatedEnvironment environment = new DeprecatedEnvironment(Map.of(
                "MARKETPIPE_LOADER_URL", "http://loader:8084", "MARKETPIPE_DB_URL", "jdbc:postgresql://db/x",
                "QUARKUS_HTTP_PORT", "8083"));

        assertEquals(List.of(), environment.warnings());
    }
}
