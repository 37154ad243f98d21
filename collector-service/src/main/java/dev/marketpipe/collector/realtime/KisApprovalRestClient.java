package dev.marketpipe.collector.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** KIS {@code POST /oauth2/Approval}: the WebSocket approval key for an app key and secret. */
public interface KisApprovalRestClient {

    @POST
    @Path("/oauth2/Approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode approve(ApprovalRequest request);

    /** The body: note {@code secretkey}, where the token request says {@code appsecret}. */
    @RegisterForReflection
    record ApprovalRequest(String grant_type, String appkey, String secretkey) {

        /** Key and secret are not printed. */
        @Override
        public String toString() {
            return "ApprovalRequest[***]";
        }
    }
}
