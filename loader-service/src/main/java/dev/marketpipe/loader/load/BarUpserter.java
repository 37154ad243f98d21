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
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Upserts accepted bars into their spec §6 market table the fast way (issue 6 item 2): the batch is copied with
 * {@code COPY} into the session's staging table ({@link StagingTables}), then ONE {@code INSERT … SELECT … ON CONFLICT DO UPDATE} moves it
 * into the table ({@link MarketTable#mergeSql()}), inside the caller's transaction. The statement's row count is
 * the number of rows inserted or changed; the rest of the batch was stored already with the same values.
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
        Collection<Bar> rows = latestPerKey(table, bars);
        if (table.isPartitioned()) {
            partitions.ensure(monthsOf(table, rows));
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(table.copySql(), new ByteArrayInputStream(CopyText.of(table, rows)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does not fail
        }
        try (PreparedStatement merge = connection.prepareStatement(table.mergeSql())) {
            merge.setString(1, symbol);
            merge.setString(2, symbol);
            int changed = merge.executeUpdate();
            return new UpsertCounts(changed, bars.size() - changed);
        }
    }

    /** The spec §6 trading date of a daily bar: its timestamp's calendar date at the exchange (KST). */
    public static LocalDate tradingDate(Instant barTimestamp) {
        return LocalDate.ofInstant(barTimestamp, MarketCalendar.KRX_ZONE);
    }

    /** One bar per natural key, in key order; a later bar of the same key replaces an earlier one. */
    private static Collection<Bar> latestPerKey(MarketTable table, List<AcceptedBar> bars) {
        TreeMap<Comparable<?>, Bar> byKey = new TreeMap<>();
        for (AcceptedBar accepted : bars) {
            Bar bar = accepted.bar();
            byKey.put(table.isDaily() ? tradingDate(bar.timestamp()) : bar.timestamp(), bar);
        }
        return byKey.values();
    }

    private static Set<MonthPartition> monthsOf(MarketTable table, Collection<Bar> rows) {
        Set<MonthPartition> months = new LinkedHashSet<>();
        for (Bar bar : rows) {
            months.add(MonthPartition.of(table, bar.timestamp()));
        }
        return months;
    }
}
