package dev.marketpipe.loader.load;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.loader.partition.MonthPartition;
import dev.marketpipe.loader.partition.MonthlyPartitions;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Upserts accepted bars into their spec §6 market table the fast way (issue 6 item 2): the batch is copied with
 * {@code COPY} into the session's staging table ({@link StagingTables}; text format, as fast here as binary, see
 * docs/BENCHMARKS.md), then ONE {@code INSERT … SELECT … ON CONFLICT DO UPDATE} moves it into the table
 * ({@link MarketTable#mergeSql(String)}), inside the caller's transaction. The statement's row count is the number
 * of rows inserted or changed; the rest of the batch was stored already with the same values.
 * Bars go in sorted by time (the unique index is filled in order) and, should a batch carry one time twice, its
 * last bar wins — one statement cannot touch one row twice. The month partitions the bars need are created first.
 */
@ApplicationScoped
public class BarUpserter {

    private final MonthlyPartitions partitions;

    public BarUpserter(MonthlyPartitions partitions) {
        this.partitions = partitions;
    }

    /**
     * Call before the transaction of {@code connection} has written to {@code table}: a missing month partition is
     * created in a transaction of its own (see {@link MonthlyPartitions#ensure}).
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
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(table.copySql(), new ByteArrayInputStream(CopyText.of(table, rows)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does not fail
        }
        try (PreparedStatement merge = connection.prepareStatement(table.mergeSql(relation))) {
            merge.setString(1, symbol);
            merge.setString(2, symbol);
            merge.setObject(3, key(table, rows.get(0)));
            merge.setObject(4, key(table, rows.get(rows.size() - 1)));
            int changed = merge.executeUpdate();
            return new UpsertCounts(changed, bars.size() - changed);
        }
    }

    /** The spec §6 trading date of a daily bar: its timestamp's calendar date at the exchange (KST). */
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
