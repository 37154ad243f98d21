package dev.marketpipe.simulator.auth;

import jakarta.ws.rs.container.ContainerRequestContext;

import java.util.List;

/**
 * Which requests belong to the protected, counted and fault-injectable securities API: {@code /market/*} and the
 * account endpoints {@code /account/*}, {@code /positions}, {@code /orders/*} (spec §1.3).
 */
public final class MarketApiPaths {

    private static final String PREFIX = "/market";
    private static final List<String> ACCOUNT_PREFIXES = List.of("/account", "/positions", "/orders");

    private MarketApiPaths() {
    }

    public static boolean isMarketApi(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/") || isAccountApi(path);
    }

    private static boolean isAccountApi(String path) {
        return ACCOUNT_PREFIXES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    /**
     * A bounded metric label for the endpoint: {@code data}, {@code orderbook}, {@code account}, {@code positions},
     * {@code orders} or {@code other}.
     */
    public static String endpoint(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith(PREFIX + "/data")) {
            return "data";
        }
        if (path.startsWith(PREFIX + "/orderbook")) {
            return "orderbook";
        }
        for (String prefix : ACCOUNT_PREFIXES) {
            if (path.startsWith(prefix)) {
                return prefix.substring(1);
            }
        }
        return "other";
    }
}
