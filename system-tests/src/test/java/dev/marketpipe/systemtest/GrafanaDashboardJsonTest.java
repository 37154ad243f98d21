package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard JSON is one Grafana can import and provision as it is (no Grafana server or dashboard linter is
 * installable here, so the structure Grafana relies on is checked directly): a Prometheus data source chosen by a
 * template variable, unique panel ids, a grid position for every panel, and queries on every panel that is not a
 * row; every query scoped by the namespace, job and instance variables; times in KST; rate units on rates; links to
 * the runbook and the daily reports. Whether the queries return data is {@link GrafanaDashboardSystemTest}'s job.
 */
class GrafanaDashboardJsonTest {

    private static final Set<String> PANEL_TYPES = Set.of("row", "timeseries", "stat");
    private static final int GRID_COLUMNS = 24;
    /** A metric selector with its matchers: name{matchers}. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\}");
    /** An identifier not followed by "(" (so not a function): a metric name or a keyword. */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(?!\\s*\\(|[\\w:])");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool", "on", "ignoring");
    private static final Set<String> RATE_UNITS = Set.of("reqps", "ops", "rps", "wps", "iops", "cps");

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

    @Test
    void timesAreShownInKst() {
        assertEquals("Asia/Seoul", dashboard.root.path("timezone").asText(), "the exchange's time zone, whatever the browser's");
    }

    /**
     * One release (namespace) at a time, its stages and their instances: every metric a query reads carries the three
     * matchers, and the job variable offers only the stages' own jobs (a name containing a stage's is not one).
     */
    @Test
    void namespaceJobAndInstanceVariablesScopeEveryQuery() {
        for (String name : GrafanaDashboard.SCOPE_VARIABLES) {
            JsonNode variable = dashboard.variable(name);
            assertEquals("query", variable.path("type").asText(), name);
            assertPrometheusVariable(variable.path("datasource"), "variable " + name);
            GrafanaDashboard.labelValuesQuery(variable);
        }
        assertFalse(dashboard.variable("namespace").path("multi").asBoolean(), "one namespace at a time");
        assertFalse(dashboard.variable("namespace").path("includeAll").asBoolean(), "one namespace at a time");
        String stages = dashboard.variable("job").path("allValue").asText();
        assertEquals("(marketpipe-)?(collector|archive|validator|loader)", stages, "job All: the stages' jobs exactly");
        for (String job : List.of("collector", "marketpipe-loader")) {
            assertTrue(job.matches(stages), job);
        }
        for (String job : List.of("otel-collector", "data-loader", "loader-exporter")) {
            assertFalse(job.matches(stages), job);
        }
        assertTrue(GrafanaDashboard.labelValuesQuery(dashboard.variable("job"))[0].contains(stages), "job options");
        for (GrafanaDashboard.Query query : dashboard.queries()) {
            Matcher selector = SELECTOR.matcher(query.expr());
            int selectors = 0;
            while (selector.find()) {
                selectors++;
                for (String name : GrafanaDashboard.SCOPE_VARIABLES) {
                    assertTrue(selector.group(2).contains(name + "=~\"$" + name + "\""),
                            query + ": " + selector.group(1) + " without " + name + "=~\"$" + name + "\"");
                }
            }
            // every metric name (an identifier that is not a function or keyword) has its braces
            String bare = query.expr().replaceAll("\\{[^}]*\\}", "").replaceAll("\\[[^\\]]*\\]", "")
                    .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", "");
            Matcher identifier = IDENTIFIER.matcher(bare);
            int metrics = 0;
            while (identifier.find()) {
                metrics += KEYWORDS.contains(identifier.group(1)) ? 0 : 1;
            }
            assertTrue(selectors > 0 && selectors == metrics, query + ": " + metrics + " metrics, " + selectors
                    + " with matchers");
        }
    }

    /** Panels of per-second rates show a rate unit (req/s, records/s, ...), not a plain number. */
    @Test
    void ratesHaveRateUnits() {
        for (JsonNode panel : dashboard.panels()) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                if (!expr.contains("rate(") || expr.contains(" / ") || expr.contains("histogram_quantile")) {
                    continue;
                }
                String unit = unit(panel, target.path("refId").asText());
                assertTrue(RATE_UNITS.contains(unit) || unit.matches("suffix: \\S+/s"),
                        "panel " + panel.path("id") + " " + panel.path("title") + " " + target.path("refId")
                                + ": a rate in unit '" + unit + "'");
            }
        }
    }

    /** The runbook and the daily reports are a click away: dashboard links, and panel links to runbook sections. */
    @Test
    void linksLeadToTheRunbookAndTheDailyReports() throws Exception {
        // the chart replaces these placeholders with metrics.runbookUrl and the reports' address
        assertEquals("https://github.com/OWNER/marketpipe/blob/main/docs/RUNBOOK.md",
                dashboard.variable("runbook_url").path("query").asText());
        assertEquals("http://localhost:8085/reports", dashboard.variable("reports_url").path("query").asText());
        for (String name : List.of("runbook_url", "reports_url")) {
            assertEquals("constant", dashboard.variable(name).path("type").asText(), name);
        }
        List<String> links = new ArrayList<>();
        dashboard.root.path("links").forEach(link -> links.add(link.path("url").asText()));
        assertEquals(List.of("${runbook_url}", "${reports_url}"), links, "dashboard links");
        Set<String> sections = new HashSet<>();
        for (String line : Files.readAllLines(GrafanaDashboard.repoRoot().resolve("docs/RUNBOOK.md"))) {
            if (line.startsWith("## ")) {
                sections.add(line.substring(3).trim().toLowerCase().replace(' ', '-').replaceAll("[^a-z0-9-]", ""));
            }
        }
        int runbookLinks = 0;
        for (JsonNode panel : dashboard.panels()) {
            for (JsonNode link : panel.path("links")) {
                String url = link.path("url").asText();
                assertTrue(url.startsWith("${runbook_url}#") || url.equals("${reports_url}"), "panel link " + url);
                if (url.startsWith("${runbook_url}#")) {
                    runbookLinks++;
                    assertTrue(sections.contains(url.substring(url.indexOf('#') + 1)), "no runbook section for " + url);
                }
            }
        }
        assertTrue(runbookLinks >= 5, "KPI and backlog panels link their alert's runbook section");
    }

    private static String unit(JsonNode panel, String refId) {
        for (JsonNode override : panel.path("fieldConfig").path("overrides")) {
            if ("byFrameRefID".equals(override.path("matcher").path("id").asText())
                    && refId.equals(override.path("matcher").path("options").asText())) {
                for (JsonNode property : override.path("properties")) {
                    if ("unit".equals(property.path("id").asText())) {
                        return property.path("value").asText();
                    }
                }
            }
        }
        return panel.path("fieldConfig").path("defaults").path("unit").asText();
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
