package dev.marketpipe.collector.realtime;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The WebSocket approval key, asked once and reused by every session until it is {@link #LIFETIME} old or KIS
 * refuses it (KIS issues one valid for a day; asking again for every reconnect would only add a REST call).
 */
final class ApprovalKeys {

    static final Duration LIFETIME = Duration.ofHours(12);

    private final KisApprovalRestClient api;
    private final String appKey;
    private final String appSecret;
    private final Supplier<Instant> clock;
    private String key;
    private Instant issuedAt;

    ApprovalKeys(KisApprovalRestClient api, String appKey, String appSecret, Supplier<Instant> clock) {
        this.api = api;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.clock = clock;
    }

    /** A key, asked from KIS when there is none or it is old; {@link IllegalStateException} when KIS gives none. */
    synchronized String current() {
        Instant now = clock.get();
        if (key == null || now.isAfter(issuedAt.plus(LIFETIME))) {
            JsonNode answer = api.approve(new KisApprovalRestClient.ApprovalRequest("client_credentials", appKey, appSecret));
            String issued = answer == null ? null : answer.path("approval_key").asText(null);
            if (issued == null || issued.isBlank()) {
                throw new IllegalStateException("POST /oauth2/Approval answered without approval_key: "
                        + (answer == null ? "no body" : answer.path("msg1").asText(answer.path("error_description")
                                .asText("no message"))));
            }
            key = issued;
            issuedAt = now;
        }
        return key;
    }

    /** KIS refused the key (an invalid-approval answer): the next session asks for a new one. */
    synchronized void refused() {
        key = null;
    }
}
