package dev.marketpipe.simulator.kis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** {@code POST /oauth2/Approval}: the WebSocket approval key for the token endpoint's credentials. */
@QuarkusTest
class KisApprovalTest {

    @Test
    void theRightKeyAndSecretGetAnApprovalKeyEveryTime() {
        String body = "{\"grant_type\":\"client_credentials\",\"appkey\":\"demo-app-key\",\"secretkey\":\"demo-app-secret\"}";
        String first = given().contentType(ContentType.JSON).body(body).post("/oauth2/Approval")
                .then().statusCode(200)
                .body("approval_key", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"))
                .extract().path("approval_key");
        given().contentType(ContentType.JSON).body(body).post("/oauth2/Approval")
                .then().statusCode(200).body("approval_key", not(equalTo(first)));
    }

    @Test
    void aWrongSecretOrTheTokenEndpointsFieldNameIsRefusedTheKisWay() {
        given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\",\"appkey\":\"demo-app-key\",\"secretkey\":\"guess\"}")
                .post("/oauth2/Approval")
                .then().statusCode(403).body("error_code", equalTo("EGW00103"))
                .body(not(org.hamcrest.Matchers.containsString("guess")));
        given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\",\"appkey\":\"demo-app-key\",\"appsecret\":\"demo-app-secret\"}")
                .post("/oauth2/Approval")
                .then().statusCode(403).body("error_code", equalTo("EGW00103"));
        given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"password\",\"appkey\":\"demo-app-key\",\"secretkey\":\"demo-app-secret\"}")
                .post("/oauth2/Approval")
                .then().statusCode(403).body("error_code", equalTo("EGW00002"));
    }
}
