package dev.marketpipe.simulator.kis;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Optional;

/**
 * The body both KIS credential endpoints take, {@code {grant_type: client_credentials, appkey, <secret>}}, and the
 * refusal KIS answers when it is not that or names other credentials. The secret's field differs: {@code appsecret}
 * for a token, {@code secretkey} for the WebSocket approval key.
 */
final class KisClientCredentials {

    private KisClientCredentials() {
    }

    /** The refusal of {@code body}, empty when it is a client-credentials request with the accepted key and secret. */
    static Optional<Response> refusal(String body, String secretField, KisTokens tokens) {
        JsonNode request = parse(body);
        if (request == null || !"client_credentials".equals(request.path("grant_type").asText())) {
            return Optional.of(KisAnswers.tokenError("EGW00002", "grant_type은 client_credentials 이어야 합니다."));
        }
        if (!tokens.accepts(request.path("appkey").asText(null), request.path(secretField).asText(null))) {
            return Optional.of(KisAnswers.tokenError(KisMessageCodes.BAD_APP_KEY, "유효하지 않은 AppKey입니다."));
        }
        return Optional.empty();
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
