package dev.marketpipe.collector.provider.kis;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of {@code POST /oauth2/tokenP}. */
@RegisterForReflection
public record KisTokenRequest(
        @JsonProperty("grant_type") String grantType,
        @JsonProperty("appkey") String appKey,
        @JsonProperty("appsecret") String appSecret) {

    @Override
    public String toString() {
        return "KisTokenRequest[grantType=" + grantType + ", appKey=***, appSecret=***]";
    }
}
