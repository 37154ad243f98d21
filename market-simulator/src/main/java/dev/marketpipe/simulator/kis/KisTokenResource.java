package dev.marketpipe.simulator.kis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** KIS {@code POST /oauth2/tokenP}: {@code {grant_type, appkey, appsecret}} → a token ({@link KisTokens}). */
@Path("/oauth2/tokenP")
@Tag(name = "kis")
public class KisTokenResource {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Seoul"));

    private final KisTokens tokens;

    public KisTokenResource(KisTokens tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "KIS token: valid 24 h, the same one within 6 h, one request a minute")
    public Response issue(String body) {
        Optional<Response> refused = KisClientCredentials.refusal(body, "appsecret", tokens);
        if (refused.isPresent()) {
            return refused.get();
        }
        return tokens.request()
                .map(issued -> {
                    ObjectNode answer = KisAnswers.MAPPER.createObjectNode()
                            .put("access_token", issued.token())
                            .put("access_token_token_expired", EXPIRY.format(issued.expiresAt()))
                            .put("token_type", "Bearer")
                            .put("expires_in", KisTokens.LIFETIME.toSeconds());
                    return Response.ok(answer.toString(), MediaType.APPLICATION_JSON_TYPE).build();
                })
                .orElseGet(() -> KisAnswers.tokenError(KisAnswers.TOKEN_THROTTLED,
                        "접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)"));
    }
}
