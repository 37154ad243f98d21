package dev.marketpipe.validator.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server standing in for an OIDC provider's token endpoint, wired in as the stage's
 * {@code marketpipe.auth.oidc.*}: it answers the client-credentials grant of client {@value #CLIENT_ID} with
 * {@value #ACCESS_TOKEN}.
 */
public class OidcProviderMock implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "validator-pipeline";
    public static final String ACCESS_TOKEN = "token-from-the-oidc-provider";

    /** Marks the test field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectProvider {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/protocol/openid-connect/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":300}")));
        return Map.of(
                "marketpipe.auth.oidc.enabled", "true",
                "marketpipe.auth.oidc.url", server.baseUrl(),
                "marketpipe.auth.oidc.client-id", CLIENT_ID,
                "marketpipe.auth.oidc.client-secret", "client-secret",
                "quarkus.oidc-client.discovery-enabled", "false",
                "quarkus.oidc-client.token-path", "/protocol/openid-connect/token");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectProvider.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
