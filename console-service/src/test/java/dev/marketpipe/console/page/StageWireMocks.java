package dev.marketpipe.console.page;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock servers standing in for the stages the console reads, each on a free port: one server per stage serves
 * both its API and its management port (their paths, {@code /v1/…} and {@code /q/…}, do not overlap). The validator
 * is a URL where nothing listens, and the loader has a second instance there too (a comma-separated list). With the
 * init argument {@value #ALERTMANAGER}{@code =true} an Alertmanager stand-in is started and configured as well.
 */
public class StageWireMocks implements QuarkusTestResourceLifecycleManager {

    /** Init argument: also start an Alertmanager and set {@code marketpipe.console.alertmanager-url}. */
    public static final String ALERTMANAGER = "alertmanager";

    /** Marks the test field that receives the running {@link Stages}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectStages {
    }

    /** The running stand-ins; {@code alertmanager} is null unless asked for. */
    public record Stages(WireMockServer collector, WireMockServer archive, WireMockServer loader,
            WireMockServer alertmanager, String unreachableUrl) {

        /** Forgets every stub and every request seen. */
        public void resetAll() {
            collector.resetAll();
            archive.resetAll();
            loader.resetAll();
            if (alertmanager != null) {
                alertmanager.resetAll();
            }
        }
    }

    private boolean withAlertmanager;
    private Stages stages;

    @Override
    public void init(Map<String, String> initArgs) {
        withAlertmanager = Boolean.parseBoolean(initArgs.getOrDefault(ALERTMANAGER, "false"));
    }

    @Override
    public Map<String, String> start() {
        stages = new Stages(started(), started(), started(), withAlertmanager ? started() : null,
                "http://127.0.0.1:" + closedPort());
        Map<String, String> config = new HashMap<>();
        config.put("marketpipe.console.collector-url", stages.collector().baseUrl());
        config.put("marketpipe.console.archive-url", stages.archive().baseUrl());
        config.put("marketpipe.console.validator-url", stages.unreachableUrl());
        config.put("marketpipe.console.loader-url", stages.loader().baseUrl());
        config.put("marketpipe.console.collector-management-url", stages.collector().baseUrl());
        config.put("marketpipe.console.archive-management-url", stages.archive().baseUrl());
        config.put("marketpipe.console.validator-management-url", stages.unreachableUrl());
        config.put("marketpipe.console.loader-management-url",
                stages.loader().baseUrl() + "," + stages.unreachableUrl());
        if (stages.alertmanager() != null) {
            config.put("marketpipe.console.alertmanager-url", stages.alertmanager().baseUrl());
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stages, new TestInjector.AnnotatedAndMatchesType(InjectStages.class, Stages.class));
    }

    @Override
    public void stop() {
        if (stages != null) {
            stages.collector().stop();
            stages.archive().stop();
            stages.loader().stop();
            if (stages.alertmanager() != null) {
                stages.alertmanager().stop();
            }
        }
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    /** A port that was free a moment ago and that nothing listens on now: connections to it are refused. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
