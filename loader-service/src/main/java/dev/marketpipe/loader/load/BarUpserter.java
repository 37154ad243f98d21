package dev.marketpipe.loader.load;

import dev.marketpipe.loader.bars.MarketTable;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.loader.partition.MonthPartition;
import dev.marketpipe.loader.partition.TablePartitions;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Upserts accepted bars into their market table the fast way, inside the caller's
 * transaction, by one of two paths:
 * <ul>
 * <li><b>copy</b>: when none of the batch's keys is stored yet (one probe of the unique index,
 * {@link UpsertStatements#anyStoredSql}) — a backfill's new rows — the batch is copied with {@code COPY} straight
 * into the table: no staging, no upsert, and COPY's multi-row inserts (about half the server time per row of
 * {@code INSERT … SELECT}, see docs/BENCHMARKS.md). The COPY runs under a savepoint: should another transaction (a
 * second loader replica, a quarantine approval) store one of those keys between probe and COPY, the unique
 * violation rolls back to the savepoint and the batch takes the upsert path instead ({@code copy_conflict}).</li>
 * <li><b>unchanged</b>: when some are stored, one read-only statement first counts the batch's rows stored already
 * with the same values ({@link UpsertStatements#storedUnchangedSql}); all of them — a redelivery — and the batch
 * is done, nothing written.</li>
 * <li><b>upsert</b>: otherwise the batch is copied into the session's staging table ({@link StagingTables}; text
 * format, as fast here as binary), then ONE {@code INSERT … SELECT … ON CONFLICT DO UPDATE} moves it into the table
 * ({@link UpsertStatements#mergeSql}). Its row count is the number of rows inserted or changed; the rest of the
 * batch was stored already with the same values.</li>
 * </ul>
 * Bars go in sorted by time (the unique index is filled in order) and, should a batch carry one time twice, its
 * last bar wins (on either path; one statement cannot touch one row twice, and COPY would fail on it). The month
 * partitions the bars need are created first. Which path each batch took is counted in
 * {@code marketpipe_loader_bulk_path_total{path}}, when it is taken (a batch whose transaction later rolls back is
 * counted too); created at start-up, so every path is exported at zero before the first batch.
 */
@Startup
@ApplicationScoped
public class BarUpserter {

    /** unique_violation: a key the probe did not see was stored by a concurrent transaction before the COPY. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Set with SQL, not JDBC: Agroal refuses {@code rollback(Savepoint)} on a connection enlisted in JTA. */
    private static final String SAVEPOINT = "bar_copy";

    /** The path a batch took, the label of the bulk-path counter. */
    private enum BulkPath {
        COPY, UNCHANGED, UPSERT, COPY_CONFLICT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final TablePartitions partitions;
    private final Map<BulkPath, Counter> paths = new EnumMap<>(BulkPath.class);

    public BarUpserter(TablePartitions partitions, MeterRegistry registry) {
        this.partitions = partitions;
        for (BulkPath path : BulkPath.values()) {
            paths.put(path, Counter.builder("marketpipe.loader.bulk.path")
                    .description("Bar batches by load path: copy straight in, staging and upsert, or copy that met a "
                            + "concurrently stored key and fell back to the upsert")
                    .tag("path", path.label()).register(registry));
        }
    }

    /**
     * Call before the transaction of {@code connection} has written to {@code table}: a missing month partition is
     * created in a transaction of its own (see {@link TablePartitions#ensure}).
     */
    public UpsertCounts upsert(Connection connection, MarketTable table, String symbol, List<AcceptedBar> bars)
            throws SQLException {
        if (bars.isEmpty()) {
            return new UpsertCounts(0, 0);
        }
        List<Bar> rows = latestPerKey(table, bars);
        String relation = table.tableName();
        if (table.isPartitioned()) {
            Set<MonthPartition> months = monthsOf(table, rows);
            partitions.ensure(months);
            if (months.size() == 1) {
                relation = months.iterator().next().name();
            }
        }
        Object first = key(table, rows.get(0));
        Object last = key(table, rows.get(rows.size() - 1));
        if (!anyStored(connection, table, relation, symbol, first, last)) {
            if (copiedStraightIn(connection, table, relation, symbol, rows)) {
                paths.get(BulkPath.COPY).increment();
                return new UpsertCounts(rows.size(), bars.size() - rows.size());
            }
            paths.get(BulkPath.COPY_CONFLICT).increment();
        } else {
            if (storedUnchanged(connection, table, relation, symbol, rows, first, last) == rows.size()) {
                paths.get(BulkPath.UNCHANGED).increment();
                return new UpsertCounts(0, bars.size());
            }
            paths.get(BulkPath.UPSERT).increment();
        }
        int changed = viaStaging(connection, table, relation, symbol, rows, first, last);
        return new UpsertCounts(changed, bars.size() - changed);
    }

    private static boolean anyStored(Connection connection, MarketTable table, String relation, String symbol,
            Object first, Object last) throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement(UpsertStatements.anyStoredSql(table, relation))) {
            probe.setString(1, symbol);
            probe.setObject(2, first);
            probe.setObject(3, last);
            try (ResultSet result = probe.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static int storedUnchanged(Connection connection, MarketTable table, String relation, String symbol,
            List<Bar> rows, Object first, Object last) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement(UpsertStatements.storedUnchangedSql(table, relation))) {
            int parameter = 1;
            for (String[] column : PostgresText.columnArrays(table, rows)) {
                check.setArray(parameter++, connection.createArrayOf("text", column));
            }
            check.setString(parameter++, symbol);
            check.setObject(parameter++, first);
            check.setObject(parameter, last);
            try (ResultSet result = check.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** COPY into the table under a savepoint; false (and nothing written) when a key turned out to be stored. */
    private static boolean copiedStraightIn(Connection connection, MarketTable table, String relation, String symbol,
            List<Bar> rows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SAVEPOINT " + SAVEPOINT);
            try {
                copy(connection, UpsertStatements.copyIntoSql(table, relation), PostgresText.copyRowsWithSymbol(table, symbol, rows));
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                statement.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                statement.execute("RELEASE SAVEPOINT " + SAVEPOINT);
                return false;
            }
            statement.execute("RELEASE SAVEPOINT " + SAVEPOINT);
            return true;
        }
    }

    private static int viaStaging(Connection connection, MarketTable table, String relation, String symbol,
            List<Bar> rows, Object first, Object last) throws SQLException {
        copy(connection, UpsertStatements.copySql(table), PostgresText.copyRows(table, rows));
        try (PreparedStatement merge = connection.prepareStatement(UpsertStatements.mergeSql(table, relation))) {
            merge.setString(1, symbol);
            merge.setString(2, symbol);
            merge.setObject(3, first);
            merge.setObject(4, last);
            return merge.executeUpdate();
        }
    }

    private static void copy(Connection connection, String sql, byte[] text) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does not fail
        }
    }

    /** The trading date of a daily bar: its timestamp's calendar date at the exchange (KST). */
    public static LocalDate tradingDate(Instant barTimestamp) {
        return LocalDate.ofInstant(barTimestamp, MarketCalendar.KRX_ZONE);
    }

    /** One bar per natural key, in key order; a later bar of the same key replaces an earlier one. */
    private static List<Bar> latestPerKey(MarketTable table, List<AcceptedBar> bars) {
        TreeMap<Instant, Bar> byKey = new TreeMap<>();
        for (AcceptedBar accepted : bars) {
            Bar bar = accepted.bar();
            // a daily bar's key is its KST date: normalised to that date's start so bars of one date collide
            byKey.put(table.isDaily() ? tradingDate(bar.timestamp()).atStartOfDay(MarketCalendar.KRX_ZONE).toInstant()
                    : bar.timestamp(), bar);
        }
        return new ArrayList<>(byKey.values());
    }

    /** The natural key's time value as JDBC binds it: the KST date of a daily bar, else the instant in UTC. */
    private static Object key(MarketTable table, Bar bar) {
        return table.isDaily() ? tradingDate(bar.timestamp())
                : OffsetDateTime.ofInstant(bar.timestamp(), ZoneOffset.UTC);
    }

    private static Set<MonthPartition> monthsOf(MarketTable table, List<Bar> rows) {
        Set<MonthPartition> months = new LinkedHashSet<>();
        for (Bar bar : rows) {
            months.add(MonthPartition.of(table, bar.timestamp()));
        }
        return months;
    }
}
