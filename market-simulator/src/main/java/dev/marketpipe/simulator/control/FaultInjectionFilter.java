package dev.marketpipe.simulator.control;

import dev.marketpipe.simulator.auth.MarketApiPaths;
import dev.marketpipe.simulator.auth.TokenStore;
import dev.marketpipe.simulator.kis.KisFaults;
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
 * Answers a market request with the armed fault before authentication runs, the way an overloaded or failing
 * provider answers regardless of who asks. 429 carries {@code Retry-After}; 401 also revokes every token, so the
 * client must really re-authenticate.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class FaultInjectionFilter implements ContainerRequestFilter {

    private final FaultInjector faults;
    private final TokenStore tokens;
    private final KisFaults kisFaults;

    public FaultInjectionFilter(FaultInjector faults, TokenStore tokens, KisFaults kisFaults) {
        this.faults = faults;
        this.tokens = tokens;
        this.kisFaults = kisFaults;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!MarketApiPaths.isProviderApi(request)) {
            return;
        }
        boolean kis = MarketApiPaths.isKisApi(request);
        faults.take().ifPresent(fault -> request.abortWith(kis ? kisFaults.response(fault) : response(fault)));
    }

    private Response response(FaultState fault) {
        int status = fault.status();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
        String detail = switch (status) {
            case 429 -> "rate limit exceeded (injected fault); retry after " + fault.retryAfterSeconds() + " s";
            case 401 -> "access token expired (injected fault); all tokens were revoked";
            default -> "injected fault";
        };
        if (status == 401) {
            tokens.revokeAll();
        }
        Response.ResponseBuilder builder = Response.fromResponse(
                new Problem("about:blank", title, status, detail, null, null).toResponse());
        if (status == 429) {
            builder.header(HttpHeaders.RETRY_AFTER, Integer.toString(fault.retryAfterSeconds()));
        }
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }
}
