package dev.marketpipe.loader.database;

import dev.marketpipe.loader.Db;
import dev.marketpipe.testsupport.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SchemaMigrationTest {

    @Inject
    DataSource dataSource;

    /** column -> "type nullability", e.g. "numeric(15,2) NOT NULL", from information_schema. */
    private Map<String, String> columns(String table) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (Map<String, Object> c : new Db(dataSource).rows("SELECT column_name, data_type, is_nullable, "
                + "numeric_precision, numeric_scale, character_maximum_length FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position", table)) {
            String type = (String) c.get("data_type");
            if (type.equals("numeric")) {
                type += "(" + c.get("numeric_precision") + "," + c.get("numeric_scale") + ")";
            } else if (type.equals("character varying")) {
                type = "varchar(" + c.get("character_maximum_length") + ")";
            }
            columns.put((String) c.get("column_name"), type + ("NO".equals(c.get("is_nullable")) ? " NOT NULL" : ""));
        }
        return columns;
    }

    private static Map<String, String> intradaySpec() {
        Map<String, String> spec = new LinkedHashMap<>();
        spec.put("id", "bigint NOT NULL");
        spec.put("timestamp", "timestamp with time zone NOT NULL");
        spec.put("symbol", "varchar(20) NOT NULL");
        spec.put("open", "numeric(15,2) NOT NULL");
        spec.put("high", "numeric(15,2) NOT NULL");
        spec.put("low", "numeric(15,2) NOT NULL");
        spec.put("close", "numeric(15,2) NOT NULL");
        spec.put("volume", "bigint NOT NULL");
        spec.put("value", "numeric(20,2)");
        spec.put("created_at", "timestamp with time zone");
        spec.put("updated_at", "timestamp with time zone");
        spec.put("source", "varchar(8) NOT NULL"); // V10: rest, or ticks for a 1-minute bar built from ticks
        return spec;
    }

    @Test
    void minuteTablesHaveTheSpecColumns() {
        assertEquals(intradaySpec(), columns("market_data_1min"));
        assertEquals(intradaySpec(), columns("market_data_5min"));
    }

    @Test
    void dailyTableHasTheSpecColumns() {
        Map<String, String> spec = new LinkedHashMap<>();
        spec.put("id", "bigint NOT NULL");
        spec.put("date", "date NOT NULL");
        spec.put("symbol", "varchar(20) NOT NULL");
        spec.put("open", "numeric(15,2) NOT NULL");
        spec.put("high", "numeric(15,2) NOT NULL");
        spec.put("low", "numeric(15,2) NOT NULL");
        spec.put("close", "numeric(15,2) NOT NULL");
        spec.put("volume", "bigint NOT NULL");
        spec.put("value", "numeric(20,2)");
        spec.put("adj_close", "numeric(15,2)");
        spec.put("created_at", "timestamp with time zone");
        spec.put("updated_at", "timestamp with time zone");
        spec.put("source", "varchar(8) NOT NULL");
        assertEquals(spec, columns("market_data_daily"));
    }

    @Test
    void collectionLogHasTheSpecColumnsFirstAndBatchColumnsAfter() {
        Map<String, String> spec = new LinkedHashMap<>();
        spec.put("id", "bigint NOT NULL");
        spec.put("timestamp", "timestamp with time zone");
        spec.put("symbol", "varchar(20)");
        spec.put("interval", "varchar(10)");
        spec.put("status", "varchar(20)");
        spec.put("records_collected", "integer");
        spec.put("error_message", "text");
        spec.put("execution_time_ms", "integer");
        spec.put("batch_id", "uuid");
        spec.put("data_type", "varchar(30)");
        spec.put("source", "varchar(20)");
        spec.put("records_accepted", "integer");
        spec.put("records_quarantined", "integer");
        spec.put("quality_score", "double precision");
        spec.put("error_type", "varchar(40)"); // V4: API error outcomes reported by the collector
        spec.put("provider", "varchar(40)");
        spec.put("attempts", "integer");
        spec.put("attempt_id", "uuid"); // V8: one row per reported attempt
        assertEquals(spec, columns("data_collection_log"));
    }

    @Test
    void quarantineAndLedgerTablesExist() {
        Map<String, String> quarantine = columns("quarantine");
        assertEquals("uuid NOT NULL", quarantine.get("batch_id"));
        assertEquals("timestamp with time zone", quarantine.get("record_timestamp"));
        assertEquals("jsonb NOT NULL", quarantine.get("record"));
        assertEquals("jsonb NOT NULL", quarantine.get("reasons"));
        assertEquals("varchar(20) NOT NULL", quarantine.get("status"));
        assertTrue(quarantine.keySet().containsAll(Set.of("archive_ref", "created_at", "decided_by", "decided_at")));
        Map<String, String> ledger = columns("loaded_batch");
        assertEquals(Set.of("batch_id", "data_type", "symbol", "interval", "source", "archive_ref", "records_received",
                "rows_changed", "rows_unchanged", "quarantined", "loaded_at"), ledger.keySet());
    }

    @Test
    void specIndexesAndNaturalKeysExist() {
        Db db = new Db(dataSource);
        Map<String, String> indexes = db.rows("SELECT indexname, indexdef FROM pg_indexes "
                + "WHERE schemaname = current_schema()").stream()
                .collect(Collectors.toMap(r -> (String) r.get("indexname"), r -> (String) r.get("indexdef")));
        // V7: idx_symbol_timestamp duplicated the unique (symbol, timestamp) index and is gone (IndexUseTest)
        assertFalse(indexes.containsKey("idx_symbol_timestamp"));
        assertTrue(indexes.get("idx_timestamp").endsWith("market_data_1min USING btree (\"timestamp\" DESC)"));
        assertFalse(indexes.containsKey("idx_5min_symbol_timestamp"));
        assertTrue(indexes.get("idx_5min_timestamp").contains("market_data_5min"));
        assertTrue(indexes.get("idx_symbol_date").endsWith("market_data_daily USING btree (symbol, date DESC)"));
        assertTrue(indexes.get("idx_log_timestamp").endsWith("data_collection_log USING btree (\"timestamp\" DESC)"));
        assertTrue(indexes.get("idx_log_status").endsWith("data_collection_log USING btree (status)"));
        assertTrue(indexes.get("idx_quarantine_status_created").endsWith("USING btree (status, created_at)"));
        assertTrue(indexes.get("idx_quarantine_symbol_timestamp").endsWith("USING btree (symbol, record_timestamp)"));
        assertTrue(indexes.get("idx_quarantine_reasons").endsWith("USING gin (reasons jsonb_path_ops)")); // V5

        List<String> uniqueKeys = db.rows("SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint "
                + "WHERE contype = 'u' AND conrelid::regclass::text IN ('market_data_1min', 'market_data_5min', "
                + "'market_data_daily') ORDER BY conrelid::regclass::text").stream()
                .map(r -> (String) r.get("def")).toList();
        assertEquals(List.of("UNIQUE (symbol, \"timestamp\")", "UNIQUE (symbol, \"timestamp\")", "UNIQUE (symbol, date)"),
                uniqueKeys);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"), db.rows("SELECT version FROM flyway_schema_history "
                + "WHERE success ORDER BY installed_rank").stream().map(r -> (String) r.get("version")).toList());
    }

    @Test
    void dailyReportTableKeepsOneReportPerDateAndInterval() {
        Map<String, String> spec = new LinkedHashMap<>();
        spec.put("trading_date", "date NOT NULL");
        spec.put("bar_interval", "varchar(3) NOT NULL");
        spec.put("generated_at", "timestamp with time zone NOT NULL");
        spec.put("report", "jsonb NOT NULL");
        spec.put("html", "text NOT NULL");
        assertEquals(spec, columns("daily_report"));
        assertEquals("PRIMARY KEY (trading_date, bar_interval)", new Db(dataSource).value("SELECT pg_get_constraintdef(oid)"
                + " FROM pg_constraint WHERE contype = 'p' AND conrelid = 'daily_report'::regclass"));
    }

    @Test
    void intradayTablesArePartitionedByTimestampWithTheTimestampInThePrimaryKey() {
        Db db = new Db(dataSource);
        List<Map<String, Object>> rows = db.rows("SELECT c.relname AS t, pg_get_partkeydef(c.oid) AS partkey, "
                + "pg_get_constraintdef(k.oid) AS pk FROM pg_class c JOIN pg_constraint k ON k.conrelid = c.oid "
                + "AND k.contype = 'p' WHERE c.relname IN ('market_data_1min', 'market_data_5min', "
                + "'market_data_daily') ORDER BY c.relname");
        assertEquals(List.of(
                Map.of("t", "market_data_1min", "partkey", "RANGE (\"timestamp\")", "pk", "PRIMARY KEY (id, \"timestamp\")"),
                Map.of("t", "market_data_5min", "partkey", "RANGE (\"timestamp\")", "pk", "PRIMARY KEY (id, \"timestamp\")")),
                rows.subList(0, 2));
        assertNull(rows.get(2).get("partkey"), "the daily table is not partitioned");
        assertEquals(0, db.count("SELECT count(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid "
                + "WHERE c.relname LIKE 'market_data_%' AND p.partdefid <> 0"), "no DEFAULT partition");
    }

    @Test
    void orderBookAndAccountTablesHaveTheirNaturalKeys() {
        Db db = new Db(dataSource);
        Map<String, String> keys = db.rows("SELECT conrelid::regclass::text AS t, pg_get_constraintdef(oid) AS def "
                + "FROM pg_constraint WHERE contype = 'u' AND conrelid::regclass::text IN ('orderbook_snapshot', "
                + "'account_snapshot', 'position_snapshot', 'order_history')").stream()
                .collect(Collectors.toMap(r -> (String) r.get("t"), r -> (String) r.get("def")));
        assertEquals(Map.of("orderbook_snapshot", "UNIQUE (symbol, \"timestamp\")",
                "account_snapshot", "UNIQUE (\"timestamp\")",
                "position_snapshot", "UNIQUE (\"timestamp\", symbol)",
                "order_history", "UNIQUE (order_id)"), keys);
        assertEquals("jsonb NOT NULL", columns("orderbook_snapshot").get("bids"));
        assertEquals("varchar(32) NOT NULL", columns("account_snapshot").get("account_masked"));
        assertTrue(!columns("account_snapshot").containsKey("account_number"), "no column for a clear number");
        assertEquals("varchar(20)", columns("quarantine").get("symbol"), "account data has no symbol");
    }
}
