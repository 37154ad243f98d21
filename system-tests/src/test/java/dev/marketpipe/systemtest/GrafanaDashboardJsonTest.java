package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard JSON is one Grafana can import and provision as it is (no Grafana server or dashboard linter is
 * installable here, so the structure Grafana relies on is checked directly): a Prometheus data source chosen by a
 * template variable, unique panel ids, a grid position for every panel, and queries on every panel that is not a
 * row. Whether the queries return data is {@link GrafanaDashboardSystemTest}'s job.
 */
class GrafanaDashboardJsonTest {

    private static final Set<String> PANEL_TYPES = Set.of("row", "timeseries", "stat");
    private static final int GRID_COLUMNS = 24;

    private static GrafanaDashboard dashboard;

    @BeforeAll
    static void load() throws Exception {
        dashboard = GrafanaDashboard.load(GrafanaDashboard.repoRoot());
    }

    @Test
    void dataSourceIsAPrometheusTemplateVariable() {
        JsonNode root = dashboard.root;
        assertFalse(root.path("title").asText().isBlank(), "title");
        assertFalse(root.path("uid").asText().isBlank(), "uid (stable links and provisioning)");
        assertTrue(root.path("schemaVersion").asInt() > 0, "schemaVersion");
        List<JsonNode> datasources = new ArrayList<>();
        root.path("templating").path("list").forEach(variable -> {
            if ("datasource".equals(variable.path("name").asText())) {
                datasources.add(variable);
            }
        });
        assertEquals(1, datasources.size(), "one template variable named datasource");
        assertEquals("datasource", datasources.get(0).path("type").asText());
        assertEquals("prometheus", datasources.get(0).path("query").asText());
    }

    @Test
    void panelIdsAreUnique() {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.panels()) {
            assertTrue(panel.path("id").isInt() && panel.path("id").asInt() > 0, "positive id: " + panel.path("title"));
            assertTrue(ids.add(panel.path("id").asInt()), "duplicate panel id " + panel.path("id"));
        }
    }

    @Test
    void everyPanelHasAGridPositionAndNoTwoOverlap() {
        List<JsonNode> placed = new ArrayList<>();
        for (JsonNode panel : dashboard.panels()) {
            String what = "panel " + panel.path("id") + " " + panel.path("title");
            JsonNode grid = panel.path("gridPos");
            for (String field : List.of("h", "w", "x", "y")) {
                assertTrue(grid.path(field).isInt(), what + ": gridPos." + field);
            }
            assertTrue(grid.path("w").asInt() >= 1 && grid.path("h").asInt() >= 1, what + ": size");
            assertTrue(grid.path("x").asInt() >= 0 && grid.path("y").asInt() >= 0, what + ": position");
            assertTrue(grid.path("x").asInt() + grid.path("w").asInt() <= GRID_COLUMNS, what + ": inside 24 columns");
            for (JsonNode other : placed) {
                assertFalse(overlap(grid, other.path("gridPos")), what + " overlaps panel " + other.path("id"));
            }
            placed.add(panel);
        }
    }

    @Test
    void everyPanelQueriesTheDataSourceVariable() {
        for (JsonNode panel : dashboard.panels()) {
            String what = "panel " + panel.path("id") + " " + panel.path("title");
            assertTrue(PANEL_TYPES.contains(panel.path("type").asText()), what + ": type " + panel.path("type"));
            assertFalse(panel.path("title").asText().isBlank(), what + ": title");
            if (GrafanaDashboard.isRow(panel)) {
                assertFalse(panel.path("collapsed").asBoolean(), what + ": rows stay expanded (their panels top-level)");
                assertTrue(panel.path("targets").isMissingNode(), what + ": a row has no queries");
                continue;
            }
            assertPrometheusVariable(panel.path("datasource"), what);
            assertTrue(panel.path("targets").isArray() && !panel.path("targets").isEmpty(), what + ": targets");
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertPrometheusVariable(target.path("datasource"), what + " target " + target.path("refId"));
                assertTrue(refIds.add(target.path("refId").asText()), what + ": duplicate refId " + target.path("refId"));
                assertFalse(target.path("refId").asText().isBlank(), what + ": refId");
                assertFalse(target.path("expr").asText().isBlank(), what + ": expr");
            }
        }
    }

    @Test
    void rowsCoverEveryAreaOfTheIssue() {
        List<String> rows = dashboard.panels().stream().filter(GrafanaDashboard::isRow)
                .map(row -> row.path("title").asText().toLowerCase()).toList();
        for (String area : List.of("collection", "quality", "latency", "errors", "backlog", "per stage")) {
            assertTrue(rows.stream().anyMatch(title -> title.contains(area)), "a row for " + area + ": " + rows);
        }
    }

    private static void assertPrometheusVariable(JsonNode datasource, String what) {
        assertEquals("prometheus", datasource.path("type").asText(), what + ": datasource type");
        assertEquals(GrafanaDashboard.DATASOURCE_UID, datasource.path("uid").asText(), what + ": datasource uid");
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
    }
}
