package dev.marketpipe.loader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.ValidatedBatch;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** The loader's REST API as the tests call it, with the application's own JSON mapper for the wire types. */
public final class LoaderApi {

    private final ObjectMapper json;
    private final String token;

    /** Calls without a token, for tests that run under {@code @TestSecurity}. */
    public LoaderApi(ObjectMapper json) {
        this(json, null);
    }

    /** Calls with this bearer token. */
    public LoaderApi(ObjectMapper json, String token) {
        this.json = json;
        this.token = token;
    }

    public ValidatableResponse post(ValidatedBatch batch) {
        return postRaw(write(batch));
    }

    public ValidatableResponse postRaw(String body) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.when().post("/v1/loads").then();
    }

    public LoadReceipt load(ValidatedBatch batch) {
        String body = post(batch).statusCode(200).extract().asString();
        try {
            return json.readValue(body, LoadReceipt.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
