package dev.marketpipe.simulator.kis;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

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
        Optional<Response> refused = KisClientCredentials.refusal(body, "secretkey", tokens);
        if (refused.isPresent()) {
            return refused.get();
        }
        String answer = KisAnswers.MAPPER.createObjectNode().put("approval_key", approvals.issue()).toString();
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
