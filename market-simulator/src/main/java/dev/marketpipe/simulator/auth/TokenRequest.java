package dev.marketpipe.simulator.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /oauth/token} (client-credentials grant, KIS style field names). */
@RegisterForReflection
public record TokenRequest(
        @JsonProperty("grant_type") @NotBlank @Size(max = 64) String grantType,
        @NotBlank @Size(max = 512) String appkey,
        @NotBlank @Size(max = 512) String appsecret) {

    /** Never print the secret. */
    @Override
    public String toString() {
        return "TokenRequest[grantType=" + grantType + ", appkey=***, appsecret=***]";
    }
}
