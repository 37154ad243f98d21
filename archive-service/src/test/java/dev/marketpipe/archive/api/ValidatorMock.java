package dev.marketpipe.archive.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock standing in for validator-service on a free port, plus a fresh archive root per application start.
 * By default every validation is acknowledged; tests add higher-priority stubs for their own batch ids.
 */
public class ValidatorMock implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/v1/validations")).atPriority(10)
                .willReturn(okJson("{\"duplicate\":false}")));
        Path root;
        try {
            Files.createDirectories(Path.of("target"));
            root = Files.createTempDirectory(Path.of("target"), "archive-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.rest-client.validator.url", server.baseUrl(),
                "marketpipe.archive.root", root.toAbsolutePath().toString(),
                "marketpipe.archive.outbox.initial-backoff", "50ms",
                "marketpipe.archive.outbox.max-backoff", "200ms",
                "marketpipe.archive.outbox.poll-interval", "200ms",
                "quarkus.http.limits.max-body-size", "1M");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectValidatorMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
