package dev.marketpipe.systemtest;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A collector whose provider cannot work does not start: the packaged service exits at start-up with one line that
 * names the setting, instead of failing on its first call to the securities API.
 */
class ProviderSettingsSystemTest {

    private static Path work;
    private static ThrowawayPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("marketpipe.repo.root", "..")).toAbsolutePath().normalize();
        work = root.resolve("system-tests/target/system-test-provider-settings");
        Pipeline.deleteRecursively(work);
        postgres = ThrowawayPostgres.start(root, work.resolve("pg"), Pipeline.freePort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown provider|ibkr||marketpipe.collector.api.provider=ibkr is no provider marketpipe knows; known: kis, spec",
            "kis without app key|kis|12345678-01|provider kis (primary) needs marketpipe.collector.api.app-key (env MARKETPIPE_COLLECTOR_API_APP_KEY)",
            "kis without account|kis||provider kis needs marketpipe.collector.kis.account (env MARKETPIPE_COLLECTOR_KIS_ACCOUNT), e.g. 12345678-01",
            "spec on the demo credentials|spec||provider spec (primary) is configured with the bundled simulator's demo app-key"})
    void aProviderThatCannotWorkStopsTheCollectorAtStartUpNamingTheSetting(String scenario, String provider,
            String account, String message) throws Exception {
        Path root = Path.of(System.getProperty("marketpipe.repo.root", "..")).toAbsolutePath().normalize();
        Map<String, String> env = new HashMap<>(Map.of(
                "MARKETPIPE_DB_URL", postgres.jdbcUrl(),
                "MARKETPIPE_COLLECTOR_API_PROVIDER", provider,
                "MARKETPIPE_COLLECTOR_LIVE_ENABLED", "false",
                "MARKETPIPE_COLLECTOR_GAPFILL_SCHEDULE_ENABLED", "false",
                "MARKETPIPE_COLLECTOR_API_DEMO_CREDENTIALS", "false"));
        if (account != null) {
            env.put("MARKETPIPE_COLLECTOR_KIS_ACCOUNT", account);
        }
        if (scenario.endsWith("account")) {
            env.put("MARKETPIPE_COLLECTOR_API_APP_KEY", "PSkey");
            env.put("MARKETPIPE_COLLECTOR_API_APP_SECRET", "secret");
        }
        if (scenario.endsWith("demo credentials")) {
            env.put("MARKETPIPE_COLLECTOR_API_APP_KEY", "demo-app-key");
            env.put("MARKETPIPE_COLLECTOR_API_APP_SECRET", "demo-app-secret");
        }
        ServiceProcess collector = new ServiceProcess("collector-service", root, Pipeline.freePort(), env,
                work.resolve("logs").resolve(scenario.replace(' ', '-')));

        ServiceProcess.Exited exited = collector.start().awaitExit(Duration.ofSeconds(90));

        assertNotEquals(0, exited.code(), scenario + ": the collector must not run");
        assertTrue(exited.output().contains(message), scenario + ": no line naming the setting in\n" + exited.output());
    }
}
