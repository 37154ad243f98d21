package dev.marketpipe.loader.security;

import dev.marketpipe.security.CachingTokenVerifier;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The loader verifies bearer tokens through the caching verifier, and a token's roles still decide every call. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class VerifiedTokenCacheTest {

    @Inject
    JWTCallerPrincipalFactory verifier;

    @Test
    void tokensAreVerifiedByTheCachingVerifierAndARememberedTokenKeepsItsRoles() {
        assertInstanceOf(CachingTokenVerifier.class, verifier);
        String reader = TestTokens.token("trading-system", "reader");

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(reader).when().get("/v1/bars?symbol=NONE&interval=1m&from=2025-03-04&to=2025-03-05")
                    .then().statusCode(404);
            given().auth().oauth2(reader).contentType("application/json").body("{\"batches\":[]}")
                    .when().post("/v1/loads/groups").then().statusCode(403);
        }
        given().auth().oauth2(reader + "x").when().get("/v1/bars?symbol=NONE&interval=1m&from=2025-03-04&to=2025-03-05")
                .then().statusCode(401);
    }
}
