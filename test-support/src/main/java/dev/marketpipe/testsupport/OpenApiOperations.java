package dev.marketpipe.testsupport;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;

/** The operations of the running service's OpenAPI document ({@code /q/openapi}), in path order. */
final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    /** One operation: its HTTP method, its path template and its part of the document. */
    record Operation(String method, String path, Map<String, Object> definition) {

        /** {@code "METHOD /path"}. */
        String key() {
            return method + " " + path;
        }

        /** The names of its parameters that go in {@code in} ({@code query}, {@code path}…). */
        @SuppressWarnings("unchecked")
        List<String> parameterNames(String in) {
            List<Map<String, Object>> parameters = (List<Map<String, Object>>)
                    definition.getOrDefault("parameters", List.of());
            return parameters.stream().filter(p -> in.equals(p.get("in"))).map(p -> (String) p.get("name")).toList();
        }

        /** Whether it answers a stream of server-sent events (a 200 never ends: read its status only). */
        @SuppressWarnings("unchecked")
        boolean streams() {
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>)
                    definition.getOrDefault("responses", Map.of());
            return responses.values().stream().anyMatch(response ->
                    ((Map<String, Object>) response.getOrDefault("content", Map.of())).containsKey("text/event-stream"));
        }

        /** The roles (scopes) of its security requirements. */
        @SuppressWarnings("unchecked")
        Set<String> roles() {
            Set<String> scopes = new TreeSet<>();
            List<Map<String, List<String>>> security = (List<Map<String, List<String>>>)
                    definition.getOrDefault("security", List.of());
            security.forEach(requirement -> requirement.values().forEach(scopes::addAll));
            return scopes;
        }
    }

    private OpenApiOperations() {
    }

    @SuppressWarnings("unchecked")
    static List<Operation> read() {
        JsonPath document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        List<Operation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = new TreeMap<>(document.getMap("paths"));
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (Map.Entry<String, Object> operation : path.getValue().entrySet()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(new Operation(operation.getKey().toUpperCase(), path.getKey(),
                            (Map<String, Object>) operation.getValue()));
                }
            }
        }
        return operations;
    }
}
