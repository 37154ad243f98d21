package dev.marketpipe.simulator.auth;

import jakarta.ws.rs.container.ContainerRequestContext;

/** Which requests belong to the protected, counted and fault-injectable market API ({@code /market/*}). */
public final class MarketApiPaths {

    private static final String PREFIX = "/market";

    private MarketApiPaths() {
    }

    public static boolean isMarketApi(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** A bounded metric label for the endpoint: {@code data}, {@code orderbook} or {@code other}. */
    public static String endpoint(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith(PREFIX + "/data")) {
            return "data";
        }
        if (path.startsWith(PREFIX + "/orderbook")) {
            return "orderbook";
        }
        return "other";
    }
}
