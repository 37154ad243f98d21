package dev.marketpipe.testsupport;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every operation of the running service's OpenAPI document ({@code /q/openapi}) with no token, with a forged
 * one (every role, signature broken), with a token of each role the operation does not allow and with a token of each
 * role it allows: 401, 401, 403 (each as problem JSON) and neither. The expected roles per operation are the test's
 * own table (the least-privilege decision written down), and the document must list exactly the operations of that
 * table and state the same roles, so a new endpoint without a row fails.
 *
 * <p>Path parameters get values that name nothing ({@link #PATH_VALUES}), so an allowed call answers 404 or 400
 * rather than changing anything; every call carries {@code dryRun=true} for the operations that have one.
 */
public final class RoleMatrix {

    /** The counts of one walk. */
    public record Counts(int operations, int unauthenticated, int forbidden, int allowed) {
    }

    private static final Map<String, String> PATH_VALUES = Map.of(
            "id", "00000000-0000-0000-0000-000000000000",
            "batchId", "00000000-0000-0000-0000-000000000000",
            "date", "1999-01-04",
            "dataType", "none");

    private RoleMatrix() {
    }

    /** {@code expected}: {@code "METHOD /path"} → the roles allowed. */
    public static Counts verify(Map<String, Set<String>> expected) {
        Map<String, Set<String>> documented = new TreeMap<>();
        OpenApiOperations.read().forEach(operation -> documented.put(operation.key(), operation.roles()));
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(documented.keySet()),
                "the OpenAPI document's operations are the table's");
        int unauthenticated = 0;
        int forbidden = 0;
        int allowed = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> operation : new TreeMap<>(expected).entrySet()) {
            String key = operation.getKey();
            Set<String> roles = operation.getValue();
            if (!roles.equals(documented.get(key))) {
                wrong.add(key + ": documented roles " + documented.get(key) + ", expected " + roles);
            }
            unauthenticated += expect(wrong, key, call(key, null), 401);
            unauthenticated += expect(wrong, key + " forged", call(key, forged()), 401);
            for (String role : TestTokens.ALL_ROLES) {
                Response answer = call(key, TestTokens.withRoles(role));
                if (roles.contains(role)) {
                    int status = answer.statusCode();
                    if (status == 401 || status == 403 || status >= 500) {
                        wrong.add(key + " as " + role + ": " + status + " " + answer.asString());
                    }
                    allowed++;
                } else {
                    forbidden += expect(wrong, key + " as " + role, answer, 403);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        return new Counts(expected.size(), unauthenticated, forbidden, allowed);
    }

    private static int expect(List<String> wrong, String what, Response answer, int status) {
        if (answer.statusCode() != status) {
            wrong.add(what + ": " + answer.statusCode() + " instead of " + status);
        } else if (!String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
            wrong.add(what + ": " + status + " without problem JSON (" + answer.contentType() + ")");
        }
        return 1;
    }

    /** A token with every role whose signature does not verify. */
    private static String forged() {
        String token = TestTokens.withRoles(TestTokens.ALL_ROLES);
        int signature = token.lastIndexOf('.') + 1;
        char first = token.charAt(signature);
        return token.substring(0, signature) + (first == 'A' ? 'B' : 'A') + token.substring(signature + 1);
    }

    private static Response call(String operation, String token) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1);
        for (Map.Entry<String, String> value : PATH_VALUES.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        RequestSpecification request = given().queryParam("dryRun", "true");
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (method.equals("POST") || method.equals("PUT")) {
            request.contentType("application/json").body("{}");
        }
        return request.when().request(method, path);
    }
}
