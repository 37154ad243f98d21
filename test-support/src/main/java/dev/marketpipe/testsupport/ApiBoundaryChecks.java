package dev.marketpipe.testsupport;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The checks every stage's API boundary passes (docs/SECURITY.md): a {@code @QuarkusTest} of the service extends this
 * with its table of roles per operation.
 */
public abstract class ApiBoundaryChecks {

    /** {@code "METHOD /path"} → the roles allowed, for every operation of the service's OpenAPI document. */
    protected abstract Map<String, Set<String>> roles();

    @Test
    void everyOperationAsksForItsRolesAndNoOther() {
        assertEquals(roles().size(), RoleMatrix.verify(roles()).operations());
    }

    @Test
    void noInputAClientCanGetWrongIsAnsweredWithAServerErrorOrAStackTrace() {
        assertEquals(roles().size(), ApiFuzz.walk().operations());
    }

    @Test
    void everyOperationIsDocumentedWithItsParametersAnswersAndAnExample() {
        List<String> problems = OpenApiDocumentation.problems(OpenApiOperations.read());
        assertEquals(List.of(), problems, problems.size() + " gaps in the OpenAPI document");
    }

    /**
     * Swagger UI is served on the API port (like {@code /q/openapi}, not on the management port), without a token, in
     * every build ({@code quarkus.swagger-ui.always-include}); {@code /q/swagger-ui} redirects to the page, which reads
     * this port's {@code /q/openapi}.
     */
    @Test
    void swaggerUiIsServedOnTheApiPort() {
        for (String path : List.of("/q/swagger-ui", "/q/swagger-ui/")) {
            given().redirects().follow(true).when().get(path).then().statusCode(200)
                    .contentType(containsString("text/html")).body(containsString("/q/openapi"));
        }
    }
}
