package dev.marketpipe.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a reader of a service's OpenAPI document needs of every operation: a summary, a description of each parameter,
 * the answers it gives (a success and the client's mistakes, each described) and at least one example (of a
 * parameter, of the request body or of an answer); an operation that needs a role also shows its 401 and 403 answers
 * as problem JSON with an example.
 */
final class OpenApiDocumentation {

    private OpenApiDocumentation() {
    }

    /** Every shortcoming of every operation, as {@code "METHOD /path: what is missing"}; empty when none. */
    static List<String> problems(List<OpenApiOperations.Operation> operations) {
        List<String> problems = new ArrayList<>();
        for (OpenApiOperations.Operation operation : operations) {
            problems.addAll(problems(operation));
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(OpenApiOperations.Operation operation) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> definition = operation.definition();
        if (blank(definition.get("summary"))) {
            problems.add(operation.key() + ": no summary");
        }
        List<Map<String, Object>> parameters = (List<Map<String, Object>>)
                definition.getOrDefault("parameters", List.of());
        for (Map<String, Object> parameter : parameters) {
            if (blank(parameter.get("description"))) {
                problems.add(operation.key() + ": parameter " + parameter.get("name") + " has no description");
            }
        }
        Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>)
                definition.getOrDefault("responses", Map.of());
        if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
            problems.add(operation.key() + ": no success answer");
        }
        if (responses.keySet().stream().noneMatch(code -> code.startsWith("4"))) {
            problems.add(operation.key() + ": no client-error answer");
        }
        responses.forEach((code, response) -> {
            if (blank(response.get("description"))) {
                problems.add(operation.key() + ": answer " + code + " has no description");
            }
        });
        if (!hasExample(definition)) {
            problems.add(operation.key() + ": no example");
        }
        if (!operation.roles().isEmpty()) {
            for (String refusal : List.of("401", "403")) {
                Map<String, Object> content = (Map<String, Object>) responses.getOrDefault(refusal, Map.of())
                        .getOrDefault("content", Map.of());
                if (!hasExample(content.get("application/problem+json"))) {
                    problems.add(operation.key() + ": no " + refusal + " answer as problem JSON with an example");
                }
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static boolean hasExample(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.containsKey("example") || (map.get("examples") instanceof Map<?, ?> examples && !examples.isEmpty())) {
                return true;
            }
            return map.values().stream().anyMatch(OpenApiDocumentation::hasExample);
        }
        if (node instanceof List<?> list) {
            return list.stream().anyMatch(OpenApiDocumentation::hasExample);
        }
        return false;
    }

    private static boolean blank(Object text) {
        return text == null || text.toString().isBlank();
    }
}
