package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Grafana dashboard the Helm chart ships ({@code helm/marketpipe/files/dashboards/marketpipe.json}), read as JSON
 * so that tests can check its structure and run every panel's PromQL against a real Prometheus.
 */
final class GrafanaDashboard {

    static final String RELATIVE_PATH = "helm/marketpipe/files/dashboards/marketpipe.json";
    /** The alert and recording rules whose recorded series the dashboard reads. */
    static final String RULES_PATH = "helm/marketpipe/files/prometheus-rules.yml";
    /** The template variables that scope every query: one release, its stages, their instances. */
    static final List<String> SCOPE_VARIABLES = List.of("namespace", "job", "instance");
    /** Grafana's {@code label_values(selector, label)} variable query. */
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*([a-z_]+)\\)");
    /** The template variable every panel takes its data source from. */
    static final String DATASOURCE_UID = "${datasource}";

    /**
     * What the test puts in place of Grafana's own interval variables. Five minutes: longer than the test's whole run,
     * so a rate over it still holds the small backfills' increases however slowly a busy machine evaluates the
     * queries (over one minute, the load-duration ratio of two rates once answered NaN on a busy machine).
     */
    private static final String RATE_INTERVAL = "5m";

    final JsonNode root;

    private GrafanaDashboard(JsonNode root) {
        this.root = root;
    }

    static GrafanaDashboard load(Path repoRoot) throws IOException {
        return new GrafanaDashboard(Pipeline.JSON.readTree(repoRoot.resolve(RELATIVE_PATH).toFile()));
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("marketpipe.repo.root", "..")).toAbsolutePath().normalize();
    }

    /** Every panel, rows included, in file order (the dashboard keeps rows expanded, so none nests panels). */
    List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        root.path("panels").forEach(panels::add);
        return panels;
    }

    static boolean isRow(JsonNode panel) {
        return "row".equals(panel.path("type").asText());
    }

    /** The template variable named {@code name}. */
    JsonNode variable(String name) {
        for (JsonNode variable : root.path("templating").path("list")) {
            if (name.equals(variable.path("name").asText())) {
                return variable;
            }
        }
        throw new AssertionError("no template variable " + name);
    }

    /** A query variable's {@code label_values(selector, label)} query, split: selector and label. */
    static String[] labelValuesQuery(JsonNode variable) {
        Matcher query = LABEL_VALUES.matcher(variable.path("query").asText());
        if (!query.matches()) {
            throw new AssertionError("variable " + variable.path("name") + ": not label_values(selector, label): "
                    + variable.path("query"));
        }
        return new String[] {query.group(1).trim(), query.group(2)};
    }

    /** One PromQL query of one panel. */
    record Query(int panelId, String panelTitle, String refId, String expr) {

        /**
         * The expression as Prometheus can run it: Grafana's interval variables replaced, and the template variables
         * by the values given (as Grafana interpolates them into a regex matcher).
         */
        String promql(Map<String, String> variables) {
            String promql = expr.replace("$__rate_interval", RATE_INTERVAL)
                    .replace("$__interval", RATE_INTERVAL)
                    .replace("$__range", "5m");
            for (Map.Entry<String, String> variable : variables.entrySet()) {
                promql = promql.replace("$" + variable.getKey(), variable.getValue());
            }
            return promql;
        }

        @Override
        public String toString() {
            return "panel " + panelId + " \"" + panelTitle + "\" " + refId + ": " + expr;
        }
    }

    List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new Query(panel.path("id").asInt(), panel.path("title").asText(),
                        target.path("refId").asText(), target.path("expr").asText()));
            }
        }
        return queries;
    }
}
