package dev.marketpipe.loader.load;

import dev.marketpipe.wire.Tick;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which minutes' bars are to be built from ticks: every minute a stored tick falls into is marked pending in
 * {@code tick_minute_pending} (migration V10) in the transaction that stores the tick, so a minute is never
 * forgotten by a crash between the two; {@code dev.marketpipe.loader.tickbars.TickBarBuilder} consumes them.
 */
final class TickMinutes {

    private static final String MARK = "INSERT INTO tick_minute_pending (symbol, minute) VALUES (?, ?) "
            + "ON CONFLICT DO NOTHING";

    private TickMinutes() {
    }

    static void markPending(Connection connection, List<Tick> ticks) throws SQLException {
        Set<Minute> minutes = new LinkedHashSet<>();
        for (Tick tick : ticks) {
            minutes.add(new Minute(tick.symbol(), tick.timestamp().truncatedTo(ChronoUnit.MINUTES)));
        }
        try (PreparedStatement statement = connection.prepareStatement(MARK)) {
            for (Minute minute : minutes) {
                statement.setString(1, minute.symbol());
                statement.setObject(2, OffsetDateTime.ofInstant(minute.start(), ZoneOffset.UTC));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private record Minute(String symbol, Instant start) {
    }
}
