package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Grafana dashboard the Helm chart ships ({@code helm/marketpipe/files/dashboards/marketpipe.json}), read as JSON
 * so that tests can check its structure and run every panel's PromQL against a real Prometheus (issue 7 item 4).
 */
final class GrafanaDashboard {

    static final String RELATIVE_PATH = "helm/marketpipe/files/dashboards/marketpipe.json";
    /** The template variable every panel takes its data source from. */
    static final String DATASOURCE_UID = "${datasource}";

    /**
     * What the test puts in place of Grafana's own interval variables. One minute: long enough that a rate over it
     * still holds the small backfill's increases while the test evaluates, short enough to stay inside the test's
     * own run.
     */
    private static final String RATE_INTERVAL = "1m";

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

    /** One PromQL query of one panel. */
    record Query(int panelId, String panelTitle, String refId, String expr) {

        /** The expression as Prometheus can run it: Grafana's interval variables replaced. */
        String promql() {
            return expr.replace("$__rate_interval", RATE_INTERVAL)
                    .replace("$__interval", RATE_INTERVAL)
                    .replace("$__range", "5m");
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
