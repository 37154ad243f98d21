package dev.marketpipe.loader.load;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Upserts accepted bars into their spec §6 market table with one JDBC batch, and counts changed vs unchanged rows
 * from the per-statement update counts (the upsert's {@code WHERE} makes an unchanged row count 0).
 */
@ApplicationScoped
public class BarUpserter {

    /** Statements per JDBC batch round trip. */
    private static final int CHUNK = 1000;

    public UpsertCounts upsert(Connection connection, MarketTable table, String symbol, List<AcceptedBar> bars)
            throws SQLException {
        int changed = 0;
        int unchanged = 0;
        try (PreparedStatement statement = connection.prepareStatement(table.upsertSql())) {
            int pending = 0;
            for (AcceptedBar accepted : bars) {
                bind(statement, table, symbol, accepted.bar());
                statement.addBatch();
                if (++pending == CHUNK) {
                    int[] counts = statement.executeBatch();
                    changed += changedRows(counts);
                    unchanged += counts.length - changedRows(counts);
                    pending = 0;
                }
            }
            if (pending > 0) {
                int[] counts = statement.executeBatch();
                changed += changedRows(counts);
                unchanged += counts.length - changedRows(counts);
            }
        }
        return new UpsertCounts(changed, unchanged);
    }

    /** The spec §6 trading date of a daily bar: its timestamp's calendar date at the exchange (KST). */
    public static LocalDate tradingDate(Instant barTimestamp) {
        return LocalDate.ofInstant(barTimestamp, MarketCalendar.KRX_ZONE);
    }

    private static void bind(PreparedStatement statement, MarketTable table, String symbol, Bar bar)
            throws SQLException {
        int i = 1;
        if (table.isDaily()) {
            statement.setObject(i++, tradingDate(bar.timestamp()));
        } else {
            statement.setObject(i++, OffsetDateTime.ofInstant(bar.timestamp(), ZoneOffset.UTC));
        }
        statement.setString(i++, symbol);
        statement.setBigDecimal(i++, bar.open());
        statement.setBigDecimal(i++, bar.high());
        statement.setBigDecimal(i++, bar.low());
        statement.setBigDecimal(i++, bar.close());
        statement.setLong(i++, bar.volume());
        statement.setBigDecimal(i++, bar.value());
        if (table.isDaily()) {
            // No corporate-action source yet: the adjusted close is the close.
            statement.setBigDecimal(i, bar.close());
        }
    }

    private static int changedRows(int[] counts) {
        int changed = 0;
        for (int count : counts) {
            if (count == Statement.SUCCESS_NO_INFO || count < 0) {
                // The driver rewrote the batch (reWriteBatchedInserts): the changed/unchanged split is lost.
                throw new IllegalStateException("JDBC batch answered without update counts; "
                        + "do not set reWriteBatchedInserts on the loader's datasource");
            }
            changed += count;
        }
        return changed;
    }
}
