package dev.marketpipe.simulator.kis;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;

/**
 * KIS {@code POST /oauth2/Approval}: {@code {grant_type, appkey, secretkey}} (the secret under {@code secretkey},
 * not {@code appsecret} as for the token) → {@code {approval_key}}, the key of the real-time WebSocket
 * ({@link KisApprovals}). Same credentials and refusals as {@link KisTokenResource}; no once-a-minute rule.
 */
@Path("/oauth2/Approval")
@Tag(name = "kis")
public class KisApprovalResource {

    private final KisTokens tokens;
    private final KisApprovals approvals;

    public KisApprovalResource(KisTokens tokens, KisApprovals approvals) {
        this.tokens = tokens;
        this.approvals = approvals;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "KIS approval key of the real-time WebSocket (/tryitout)")
    public Response approve(String body) {
        JsonNode request = parse(body);
        if (request == null || !"client_credentials".equals(request.path("grant_type").asText())) {
            return KisAnswers.tokenError("EGW00002", "grant_type은 client_credentials 이어야 합니다.");
        }
        if (!tokens.accepts(request.path("appkey").asText(null), request.path("secretkey").asText(null))) {
            return KisAnswers.tokenError(KisAnswers.BAD_APP_KEY, "유효하지 않은 AppKey입니다.");
        }
        String answer = KisAnswers.MAPPER.createObjectNode().put("approval_key", approvals.issue()).toString();
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null ? null : KisAnswers.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
