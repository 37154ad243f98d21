package dev.marketpipe.simulator.control;

import dev.marketpipe.simulator.auth.TokenStore;
import dev.marketpipe.simulator.kis.KisFaults;
import dev.marketpipe.wire.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * An injected fault as the provider answers it: the spec API's problem JSON (429 with {@code Retry-After}, 401 also
 * revoking every token, so the client must really re-authenticate), or KIS's own answer ({@link KisFaults}).
 */
@ApplicationScoped
public class FaultAnswers {

    private final TokenStore tokens;
    private final KisFaults kisFaults;

    public FaultAnswers(TokenStore tokens, KisFaults kisFaults) {
        this.tokens = tokens;
        this.kisFaults = kisFaults;
    }

    public Response answer(FaultState fault, boolean kis) {
        return kis ? kisFaults.response(fault.status()) : spec(fault);
    }

    private Response spec(FaultState fault) {
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
