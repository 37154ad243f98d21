package dev.marketpipe.testsupport;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every operation of the running service's OpenAPI document with a token of every role and inputs a client
 * may get wrong: malformed, oversized and wrong-type bodies, odd values for each documented query parameter, odd path
 * segments. A client's mistake must never be answered with a 5xx, and no answer may carry a stack trace.
 *
 * <p>Operations that start work get {@code dryRun=true} unless the variant is about that parameter, and path
 * parameters name nothing, so the walk changes little.
 */
public final class ApiFuzz {

    /** The counts of one walk. */
    public record Counts(int operations, int requests) {
    }

    private static final String OVERSIZED = "9".repeat(200_000);
    private static final List<String> BODIES = List.of(
            "", "{", "[]", "\"text\"", "123", "null", "{\"a\":" + "[".repeat(2_000), "{\"symbol\":\"\\u0000\"}",
            "{\"symbols\":\"005930\",\"from\":5,\"to\":true,\"interval\":[]}", "{\"batchId\":\"" + OVERSIZED + "\"}",
            "{\"symbols\":[\"" + "A".repeat(5_000) + "\"],\"interval\":\"1m\",\"from\":\"2025-03-04\",\"to\":\"2025-03-04\"}");
    private static final List<String> QUERY_VALUES = List.of(
            "", " ", "\u0000", "x".repeat(10_000), "-1", "0", "99999999999999999999", "2025-13-40", "2025-02-30T25:61:00Z",
            "' OR 1=1 --", "%", "../../etc/passwd", "한글", "1e309", "true,false", "\uD83D\uDE00");
    private static final List<String> PATH_VALUES = List.of(
            "%00", "x".repeat(2_000), "..", "-1", "9999999999999999999999", "2025-02-30", "%E0%A4", "%FF");
    /** Frames of a Java stack trace, as printed or as JSON-escaped text. */
    private static final List<String> STACK_TRACE_MARKS = List.of("\tat ", "\\tat ", "at dev.marketpipe.",
            "at io.quarkus.", "at java.base/", "at org.jboss.");

    private ApiFuzz() {
    }

    public static Counts walk() {
        String token = TestTokens.withRoles(TestTokens.ALL_ROLES);
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        int requests = 0;
        for (OpenApiOperations.Operation operation : OpenApiOperations.read()) {
            String method = operation.method();
            operations++;
            List<String> queryNames = operation.parameterNames("query");
            String template = operation.path();
            String plainPath = template.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
            if (Set.of("POST", "PUT", "PATCH").contains(method)) {
                for (String body : BODIES) {
                    requests++;
                    check(wrong, method + " " + template + " body " + abbreviate(body),
                            request(token).contentType("application/json").body(body).when()
                                    .request(method, plainPath));
                }
            }
            for (String name : queryNames) {
                for (String value : QUERY_VALUES) {
                    requests++;
                    if (operation.streams()) {
                        EventStreamCall.Answer answer = EventStreamCall.get(plainPath, Map.of(name, value), token);
                        checkStatus(wrong, method + " " + template + " ?" + name + "=" + abbreviate(value),
                                answer.status(), answer.body());
                        continue;
                    }
                    RequestSpecification request = request(token).queryParam(name, value);
                    if (!name.equals("dryRun")) {
                        request.queryParam("dryRun", "true");
                    }
                    check(wrong, method + " " + template + " ?" + name + "=" + abbreviate(value),
                            request.when().request(method, plainPath));
                }
            }
            if (template.contains("{")) {
                for (String value : PATH_VALUES) {
                    requests++;
                    String odd = template.replaceAll("\\{[^}]+}", value);
                    check(wrong, method + " " + abbreviate(odd), request(token).queryParam("dryRun", "true")
                            .urlEncodingEnabled(false).when().request(method, odd));
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " bad answers:\n" + String.join("\n", wrong));
        return new Counts(operations, requests);
    }

    private static RequestSpecification request(String token) {
        return given().auth().oauth2(token);
    }

    private static void check(List<String> wrong, String what, Response answer) {
        checkStatus(wrong, what, answer.statusCode(), answer.asString());
    }

    private static void checkStatus(List<String> wrong, String what, int status, String body) {
        if (status >= 500) {
            wrong.add(what + ": " + status + " " + abbreviate(body));
        } else {
            STACK_TRACE_MARKS.stream().filter(body::contains).findFirst().ifPresent(mark -> {
                int at = body.indexOf(mark);
                wrong.add(what + ": a stack trace in the body …"
                        + abbreviate(body.substring(Math.max(0, at - 60), Math.min(body.length(), at + 60))));
            });
        }
    }

    private static String abbreviate(String text) {
        String printable = text.replace("\u0000", "\\0").replace("\n", " ");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…(" + text.length() + ")";
    }
}
