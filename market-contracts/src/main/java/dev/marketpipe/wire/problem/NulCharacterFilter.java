package dev.marketpipe.wire.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;

/**
 * Refuses a request whose path or query holds a NUL character ({@code %00}) with a 400 problem: PostgreSQL cannot
 * store one in text, so it would otherwise fail deep inside a query as a 500.
 */
@Provider
@PreMatching
public class NulCharacterFilter implements ContainerRequestFilter {

    private static final char NUL = '\u0000';

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().indexOf(NUL) >= 0) {
            request.abortWith(refusal("the path holds a NUL character"));
            return;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            boolean nul = parameter.getKey().indexOf(NUL) >= 0
                    || parameter.getValue().stream().anyMatch(value -> value.indexOf(NUL) >= 0);
            if (nul) {
                request.abortWith(refusal("query parameter '" + parameter.getKey().replace(NUL, '?')
                        + "' holds a NUL character"));
                return;
            }
        }
    }

    private static Response refusal(String detail) {
        return Problem.response(Response.Status.BAD_REQUEST, detail);
    }
}
