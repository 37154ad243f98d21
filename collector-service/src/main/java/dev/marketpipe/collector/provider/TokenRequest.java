package dev.marketpipe.collector.provider;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of a client-credentials token request (KIS {@code POST /oauth2/tokenP}, spec {@code POST /oauth/token}); its
 * string form hides the credentials.
 */
@RegisterForReflection
public record TokenRequest(
        @JsonProperty("grant_type") String grantType,
        @JsonProperty("appkey") String appKey,
        @JsonProperty("appsecret") String appSecret) {

    @Override
    public String toString() {
        return "TokenRequest[grantType=" + grantType + ", appKey=***, appSecret=***]";
    }
}
