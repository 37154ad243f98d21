package dev.marketpipe.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The management interface of the service under test, where health and metrics live ({@code quarkus.management.*};
 * port 9001 in tests unless {@code quarkus.management.test-port} says otherwise).
 */
public final class Management {

    private Management() {
    }

    /** The absolute URL of {@code path} (e.g. {@code /q/metrics}) on the management port. */
    public static String url(String path) {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class)
                .orElse(9001);
        return "http://localhost:" + port + path;
    }
}
