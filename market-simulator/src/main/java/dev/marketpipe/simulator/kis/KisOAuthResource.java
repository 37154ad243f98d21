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

/**
 * KIS's two credential endpoints. Both take {@code {grant_type, appkey, <secret>}} and refuse the same way
 * ({@link KisClientCredentials}):
 * <ul>
 *   <li>{@code POST /oauth2/tokenP} (secret under {@code appsecret}) → a token ({@link KisTokens});</li>
 *   <li>{@code POST /oauth2/Approval} (secret under {@code secretkey}) → {@code {approval_key}}, the key of the
 *       real-time WebSocket ({@link KisApprovals}); no once-a-minute rule.</li>
 * </ul>
 */
@Path("/oauth2")
@Tag(name = "kis")
public class KisOAuthResource {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Seoul"));

    private final KisTokens tokens;
    private final KisApprovals approvals;

    public KisOAuthResource(KisTokens tokens, KisApprovals approvals) {
        this.tokens = tokens;
        this.approvals = approvals;
    }

    @POST
    @Path("/tokenP")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "KIS token: valid 24 h, the same one within 6 h, one request a minute")
    public Response issue(String body) {
        return KisClientCredentials.refusal(body, "appsecret", tokens).orElseGet(() -> tokens.request()
                .map(issued -> {
                    ObjectNode answer = KisAnswers.MAPPER.createObjectNode()
                            .put("access_token", issued.token())
                            .put("access_token_token_expired", EXPIRY.format(issued.expiresAt()))
                            .put("token_type", "Bearer")
                            .put("expires_in", KisTokens.LIFETIME.toSeconds());
                    return Response.ok(answer.toString(), MediaType.APPLICATION_JSON_TYPE).build();
                })
                .orElseGet(() -> KisAnswers.tokenError(KisMessageCodes.TOKEN_THROTTLED,
                        "접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)")));
    }

    @POST
    @Path("/Approval")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "KIS approval key of the real-time WebSocket (/tryitout)")
    public Response approve(String body) {
        return KisClientCredentials.refusal(body, "secretkey", tokens).orElseGet(() -> Response.ok(
                KisAnswers.MAPPER.createObjectNode().put("approval_key", approvals.issue()).toString(),
                MediaType.APPLICATION_JSON_TYPE).build());
    }
}
