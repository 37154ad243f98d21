package dev.marketpipe.console.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One health endpoint's answer ({@code /q/health/ready} or {@code /live}) as a person reads it: {@code UP},
 * {@code DOWN}, or {@code UNREACHABLE} when the instance did not answer at all, with each check and its data.
 */
public record HealthAnswer(String status, List<Check> checks, String problem) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One check: its name, status and data as {@code key: value} lines. */
    public record Check(String name, String status, List<String> data) {
        public boolean up() {
            return "UP".equals(status);
        }

        /** The status as a CSS class of the page ({@code up}, {@code down}). */
        public String badge() {
            return status.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The status as a CSS class of the page ({@code up}, {@code down}, {@code unreachable}). */
    public String badge() {
        return status.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean up() {
        return "UP".equals(status);
    }

    public static HealthAnswer unreachable(String problem) {
        return new HealthAnswer("UNREACHABLE", List.of(), problem);
    }

    /** Parses a SmallRye Health body; an answer that is not one is shown as unreachable with what it was. */
    public static HealthAnswer parse(int httpStatus, String body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.has("status")) {
                return unreachable("answered " + httpStatus + " without a health report");
            }
            List<Check> checks = new ArrayList<>();
            for (JsonNode check : root.path("checks")) {
                List<String> data = new ArrayList<>();
                for (Map.Entry<String, JsonNode> field : check.path("data").properties()) {
                    data.add(field.getKey() + ": " + field.getValue().asText());
                }
                checks.add(new Check(check.path("name").asText(), check.path("status").asText(), data));
            }
            return new HealthAnswer(root.path("status").asText(), checks, null);
        } catch (Exception e) {
            return unreachable("answered " + httpStatus + " without a health report");
        }
    }
}
