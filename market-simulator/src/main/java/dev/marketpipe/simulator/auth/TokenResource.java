package dev.marketpipe.simulator.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /oauth/token}: the client-credentials grant of the securities API (CONTRACTS.md). */
@Path("/oauth/token")
@Tag(name = "auth")
public class TokenResource {

    static final String GRANT_TYPE = "client_credentials";

    private final TokenStore tokens;

    public TokenResource(TokenStore tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an access token for the app key and secret")
    public TokenResponse issue(@NotNull(message = "a JSON body with grant_type, appkey and appsecret is required")
                               @Valid TokenRequest request) {
        if (!GRANT_TYPE.equals(request.grantType())) {
            throw new BadRequestException("unsupported grant_type; expected '" + GRANT_TYPE + "'");
        }
        if (!tokens.accepts(request.appkey(), request.appsecret())) {
            throw new NotAuthorizedException("invalid appkey or appsecret", "Bearer");
        }
        return tokens.issue();
    }
}
