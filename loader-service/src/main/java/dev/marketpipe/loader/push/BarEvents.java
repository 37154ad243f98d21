package dev.marketpipe.loader.push;

import dev.marketpipe.wire.BarInterval;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Records, inside the transaction that changes a symbol's bars, that they changed ({@code bar_event}, migration V11)
 * and wakes the push stream with {@code NOTIFY bar_event}: PostgreSQL delivers the notification only after the
 * transaction commits, so the stream reads the bars once they are durable.
 */
public final class BarEvents {

    public static final String CHANNEL = "bar_event";
    private static final String INSERT = "INSERT INTO bar_event (symbol, bar_interval, first_timestamp, last_timestamp, "
            + "source) VALUES (?, ?, ?, ?, ?)";

    private BarEvents() {
    }

    /**
     * The bars of {@code symbol} at {@code interval} from {@code first} to {@code last} (inclusive) changed;
     * {@code source} says who wrote them ({@code rest} or {@code ticks}, the {@code source} of the market tables).
     */
    public static void changed(Connection connection, String symbol, BarInterval interval, Instant first, Instant last,
            String source) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT); Statement notify = connection.createStatement()) {
            insert.setString(1, symbol);
            insert.setString(2, interval.code());
            insert.setObject(3, OffsetDateTime.ofInstant(first, ZoneOffset.UTC));
            insert.setObject(4, OffsetDateTime.ofInstant(last, ZoneOffset.UTC));
            insert.setString(5, source);
            insert.executeUpdate();
            notify.execute("NOTIFY " + CHANNEL);
        }
    }
}
