package dev.marketpipe.simulator.auth;

import dev.marketpipe.wire.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Every {@code /market/*} request needs {@code Authorization: Bearer <token>} with a token this simulator issued
 * and that has not expired; anything else is 401. Pre-matching, so unknown
 * market paths are refused before they are looked up.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final TokenStore tokens;

    public BearerTokenFilter(TokenStore tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!MarketApiPaths.isMarketApi(request)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            request.abortWith(unauthorized("missing bearer token; get one from POST /oauth/token"));
            return;
        }
        if (!tokens.isValid(header.substring(SCHEME.length()).trim())) {
            request.abortWith(unauthorized("invalid or expired access token; get a new one from POST /oauth/token"));
        }
    }

    static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }
}
