package dev.marketpipe.collector.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * One WireMock server standing in for the securities API, the backup securities API (under {@code /backup}), the
 * KIS Open API (under {@code /kis}),
 * archive-service and loader-service.
 */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {

    /** Path prefix of the KIS Open API on the same server (tests with provider kis). */
    public static final String KIS = "/kis";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of(
                "quarkus.rest-client.securities-api.url", server.baseUrl(),
                "quarkus.rest-client.archive.url", server.baseUrl(),
                "quarkus.rest-client.backup-securities-api.url", server.baseUrl() + ApiStubs.BACKUP,
                "quarkus.rest-client.loader.url", server.baseUrl(),
                "marketpipe.collector.kis.url", server.baseUrl() + KIS);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
