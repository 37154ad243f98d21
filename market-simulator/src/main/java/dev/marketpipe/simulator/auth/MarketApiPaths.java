package dev.marketpipe.simulator.auth;

import jakarta.ws.rs.container.ContainerRequestContext;

import java.util.List;

/**
 * Which requests belong to the protected, counted and fault-injectable securities API: {@code /market/*} and the
 * account endpoints {@code /account/*}, {@code /positions}, {@code /orders/*}.
 */
public final class MarketApiPaths {

    private static final String PREFIX = "/market";
    private static final String KIS_PREFIX = "/uapi/";
    private static final List<String> ACCOUNT_PREFIXES = List.of("/account", "/positions", "/orders");

    private MarketApiPaths() {
    }

    /** The KIS Open API's paths ({@code /uapi/…}), which check their own KIS-style authentication. */
    public static boolean isKisApi(ContainerRequestContext request) {
        return request.getUriInfo().getPath().startsWith(KIS_PREFIX);
    }

    /** Either API a collector calls: counted, recorded and fault-injectable. */
    public static boolean isProviderApi(ContainerRequestContext request) {
        return isMarketApi(request) || isKisApi(request);
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
        if (path.startsWith(KIS_PREFIX)) {
            return kisEndpoint(path);
        }
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

    private static String kisEndpoint(String path) {
        if (path.contains("chartprice")) {
            return "data";
        }
        if (path.endsWith("/inquire-asking-price-exp-ccn")) {
            return "orderbook";
        }
        if (path.endsWith("/inquire-balance")) {
            return "account";
        }
        return path.endsWith("/inquire-daily-ccld") ? "orders" : "other";
    }
}
