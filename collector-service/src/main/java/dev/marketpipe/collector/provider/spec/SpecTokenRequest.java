package dev.marketpipe.collector.provider.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of {@code POST /oauth/token}. */
@RegisterForReflection
public record SpecTokenRequest(
        @JsonProperty("grant_type") String grantType,
        @JsonProperty("appkey") String appKey,
        @JsonProperty("appsecret") String appSecret) {

    @Override
    public String toString() {
        return "SpecTokenRequest[grantType=" + grantType + ", appKey=***, appSecret=***]";
    }
}
