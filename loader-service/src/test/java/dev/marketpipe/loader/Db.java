package dev.marketpipe.loader;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain SQL for assertions: the tests look at the tables themselves, not only at the API. */
public final class Db {

    private final DataSource dataSource;

    public Db(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= r.getMetaData().getColumnCount(); col++) {
                        row.put(r.getMetaData().getColumnLabel(col), read(r, col));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** java.time types instead of java.sql ones, so rows compare with the wire values. */
    private static Object read(ResultSet r, int col) throws SQLException {
        return switch (r.getMetaData().getColumnTypeName(col)) {
            case "timestamptz" -> r.getObject(col, OffsetDateTime.class);
            case "date" -> r.getObject(col, LocalDate.class);
            default -> r.getObject(col);
        };
    }

    public Object value(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    public long count(String sql, Object... params) {
        return ((Number) value(sql, params)).longValue();
    }

    public void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query plan of {@code sql} without costs, one plan line per text line. */
    public String plan(String sql) {
        StringBuilder plan = new StringBuilder();
        for (Map<String, Object> line : rows("EXPLAIN (COSTS OFF) " + sql)) {
            plan.append(line.values().iterator().next()).append('\n');
        }
        return plan.toString();
    }

    /** md5 over every column of every row of {@code table} for {@code symbol}, updated_at included. */
    public String checksum(String table, String symbol) {
        return (String) value("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM " + table
                + " t WHERE symbol = ?", symbol);
    }
}
