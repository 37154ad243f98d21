package dev.marketpipe.collector.provider.kis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.collector.provider.ProviderException;

import java.io.IOException;

/**
 * Which row of the API error table ({@link ProviderException}) a KIS answer belongs to. Success is HTTP 200
 * <em>and</em> {@code rt_cd == "0"}; every failure is classified by its {@code msg_cd} (or the OAuth answer's
 * {@code error_code}) whatever the HTTP status, since KIS sends JSON error bodies on HTTP 500 and 403 too:
 * <table>
 * <tr><th>msg_cd</th><th>row</th></tr>
 * <tr><td>{@value #RATE_LIMITED} calls per second exceeded</td><td>rate limited: back off and retry</td></tr>
 * <tr><td>{@value #TOKEN_EXPIRED} token expired, {@value #TOKEN_INVALID} token invalid</td><td>auth: renew the token
 * once (at most one issuance a minute) and repeat once</td></tr>
 * <tr><td>{@value #TOKEN_THROTTLED} one token a minute</td><td>auth: wait for the next minute</td></tr>
 * <tr><td>{@code OPSQ2001} and every other {@code rt_cd} ≠ 0</td><td>bad request: no retry</td></tr>
 * </table>
 * An answer without a readable code goes by its HTTP status (429 rate limited, 401/403 auth, 408/5xx server error,
 * other 4xx bad request); a 200 that is not JSON is a server error (retried).
 */
final class KisErrors {

    static final String RATE_LIMITED = "EGW00201";
    static final String TOKEN_EXPIRED = "EGW00123";
    static final String TOKEN_INVALID = "EGW00121";
    static final String TOKEN_THROTTLED = "EGW00133";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_DETAIL = 200;

    private KisErrors() {
    }

    /** The body as JSON, or null when it is not a JSON object. */
    static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The failure an answer stands for, or null when it is a success. */
    static ProviderException classify(int status, JsonNode body, String retryAfter, String what) {
        String code = code(body);
        boolean ok = status == 200 && body != null && "0".equals(body.path("rt_cd").asText(null));
        if (ok) {
            return null;
        }
        String detail = "KIS " + what + " answered HTTP " + status + (code == null ? "" : " " + code)
                + message(body);
        if (code != null) {
            switch (code) {
                case RATE_LIMITED:
                    return ProviderException.RateLimited.afterHeader(retryAfter);
                case TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_THROTTLED:
                    return new ProviderException.AuthenticationFailed(status, detail);
                default:
                    if (body.has("rt_cd")) {
                        return new ProviderException.Rejected(status, detail);
                    }
            }
        }
        if (status == 200 && body == null) {
            return new ProviderException.Unavailable(status, "KIS " + what + " answered with a body that is not JSON");
        }
        if (status == 429) {
            return ProviderException.RateLimited.afterHeader(retryAfter);
        }
        if (status == 401 || status == 403) {
            return new ProviderException.AuthenticationFailed(status, detail);
        }
        if (status == 408 || status >= 500) {
            return new ProviderException.Unavailable(status, detail);
        }
        return new ProviderException.Rejected(status, detail);
    }

    private static String code(JsonNode body) {
        if (body == null) {
            return null;
        }
        String code = body.path("msg_cd").asText(body.path("error_code").asText(null));
        return code == null || code.isBlank() ? null : code.trim();
    }

    private static String message(JsonNode body) {
        if (body == null) {
            return "";
        }
        String text = body.path("msg1").asText(body.path("error_description").asText(""));
        text = text.replaceAll("\\s+", " ").trim();
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text);
    }
}
