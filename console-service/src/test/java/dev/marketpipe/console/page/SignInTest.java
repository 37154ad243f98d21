package dev.marketpipe.console.page;

import dev.marketpipe.console.signin.SignIns;
import dev.marketpipe.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in with a token of one's own: it is kept in an HttpOnly, SameSite=Strict cookie and verified on every
 * request, so a token that does not verify (expired, forged, another issuer) is simply "not signed in".
 */
@QuarkusTest
@WithTestResource(StageWireMocks.class)
class SignInTest {

    private static final String REFUSED = "That token does not verify here";

    @StageWireMocks.InjectStages
    StageWireMocks.Stages stages;

    @BeforeEach
    void collectorListsNoJobs() {
        stages.resetAll();
        stages.collector().stubFor(get(urlPathMatching("/v1/(backfills|gapfills)")).willReturn(okJson("[]")));
    }

    @Test
    void aPageThatNeedsAPersonSendsNobodyToSignInAndBackToIt() {
        given().redirects().follow(false).when().get("/jobs")
                .then().statusCode(303).header("Location", endsWith("/signin?next=%2Fjobs"));
    }

    @Test
    void theWayBackKeepsTheQueryOfThePageAsked() {
        Redirect toSignIn = Redirect.of(given().redirects().follow(false)
                .when().get("/review?status=review&symbol=005930").then().extract());

        assertEquals("/signin", toSignIn.path());
        assertEquals(Map.of("next", "/review?status=review&symbol=005930"), toSignIn.query());
        given().queryParam("next", toSignIn.param("next")).when().get("/signin")
                .then().statusCode(200)
                .body(containsString("name=\"next\" value=\"/review?status=review&amp;symbol=005930\""));
    }

    @Test
    void aValidTokenSignsInWithAStrictHttpOnlyCookieAndReturnsToThePageAsked() {
        String token = TestTokens.token("kim", "operator", "reviewer");

        ExtractableResponse<Response> answer = given().redirects().follow(false)
                .formParam("token", token).formParam("next", "/jobs?notice=hello")
                .when().post("/signin").then().extract();

        Redirect back = Redirect.of(answer);
        assertEquals("/jobs", back.path());
        assertEquals("hello", back.param("notice"));
        String cookie = signInCookie(answer);
        assertTrue(cookie.startsWith(SignIns.COOKIE + "=" + token + ";"), cookie);
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);
        assertTrue(cookie.toLowerCase().contains("path=/"), cookie);
        assertFalse(cookie.matches("(?i).*;\\s*secure\\s*(;.*)?"),
                "sent over plain HTTP too unless marketpipe.console.secure-cookie: " + cookie);
        given().cookie(SignIns.COOKIE, token).redirects().follow(false).when().get("/jobs")
                .then().statusCode(200).body(containsString("Signed in as <strong>kim</strong> (operator, reviewer)"));
    }

    @Test
    void tokensThatDoNotVerifyAreRefusedWithTheReasonAndNoCookie() {
        String valid = TestTokens.token("kim", "operator");
        for (String token : List.of("not-a-token", OtherTokens.wronglySigned(valid),
                OtherTokens.expired("kim", "operator"), OtherTokens.ofIssuer("somebody-else", "kim", "operator"))) {
            ExtractableResponse<Response> answer = given().redirects().follow(false)
                    .formParam("token", token).formParam("next", "/jobs")
                    .when().post("/signin").then().extract();

            assertEquals(401, answer.statusCode(), token);
            assertTrue(answer.body().asString().contains(REFUSED), answer.body().asString());
            assertTrue(answer.body().asString().contains("name=\"next\" value=\"/jobs\""), "the way back is kept");
            assertNull(answer.header("Set-Cookie"), token);
        }
    }

    @Test
    void aWayBackToAnotherSiteIsRefusedInFavourOfTheNowPage() {
        String token = TestTokens.token("kim", "operator");
        for (String next : List.of("//evil.example", "//evil.example/jobs", "https://evil.example/", "/\\evil.example",
                "jobs")) {
            Redirect home = Redirect.of(given().redirects().follow(false)
                    .formParam("token", token).formParam("next", next).when().post("/signin").then().extract());

            assertEquals("/", home.path(), next + " → " + home.location());
            assertFalse(home.location().toString().contains("evil.example"), next + " → " + home.location());
        }
        given().queryParam("next", "//evil.example").when().get("/signin")
                .then().statusCode(200).body(containsString("name=\"next\" value=\"/\""))
                .body(not(containsString("evil.example")));
    }

    @Test
    void aWayBackThatIsNoUriLeadsHomeRatherThanToAFailure() {
        String token = TestTokens.token("kim", "operator");
        for (String next : List.of("/jobs x", "/jobs\r\nSet-Cookie: planted=1", "/today?date=<script>")) {
            ExtractableResponse<Response> answer = given().redirects().follow(false)
                    .formParam("token", token).formParam("next", next).when().post("/signin").then().extract();

            assertEquals("/", Redirect.of(answer).path(), next);
            assertEquals(1, answer.headers().getValues("Set-Cookie").size(), "only the sign-in cookie: " + next);
        }
    }

    @Test
    void aCookieWhoseTokenDoesNotVerifyCountsAsNotSignedIn() {
        String valid = TestTokens.token("kim", "operator");
        given().cookie(SignIns.COOKIE, valid).redirects().follow(false).when().get("/jobs").then().statusCode(200);

        for (String token : List.of(OtherTokens.expired("kim", "operator"), OtherTokens.wronglySigned(valid),
                OtherTokens.ofIssuer("somebody-else", "kim", "operator"), "garbage")) {
            given().cookie(SignIns.COOKIE, token).redirects().follow(false).when().get("/jobs")
                    .then().statusCode(303).header("Location", endsWith("/signin?next=%2Fjobs"));
        }
        given().cookie(SignIns.COOKIE, OtherTokens.expired("kim", "operator")).when().get("/")
                .then().statusCode(200).body(containsString("<a href=\"/signin\">Sign in</a>"))
                .body(not(containsString("Signed in as")));
    }

    @Test
    void signingOutForgetsTheCookie() {
        ExtractableResponse<Response> answer = given().cookie(SignIns.COOKIE, TestTokens.token("kim", "operator"))
                .redirects().follow(false).when().post("/signout").then().extract();

        assertEquals("/signin", Redirect.of(answer).path());
        String cookie = signInCookie(answer);
        assertTrue(cookie.startsWith(SignIns.COOKIE + "=;"), cookie);
        assertTrue(cookie.toLowerCase().contains("max-age=0"), cookie);
    }

    private static String signInCookie(ExtractableResponse<Response> answer) {
        List<String> cookies = answer.headers().getValues("Set-Cookie");
        assertEquals(1, cookies.size(), cookies.toString());
        return cookies.get(0);
    }
}
