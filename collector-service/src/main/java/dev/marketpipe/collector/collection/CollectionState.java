package dev.marketpipe.collector.collection;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Per (symbol, interval) collection state in the collector's own schema: the
 * newest bar start handed to the archive. Incremental collection starts after it (the live job after a restart);
 * gap-fill does not trust it and asks the loader what is really stored.
 */
@ApplicationScoped
public class CollectionState {

    private static final Logger LOG = Logger.getLogger(CollectionState.class);

    /** Only ever moves forward: a late backfill of an older range does not rewind it. */
    private static final String ADVANCE = "INSERT INTO collection_state (symbol, interval, last_bar_start, updated_at)"
            + " VALUES (?, ?, ?, now()) ON CONFLICT (symbol, interval) DO UPDATE"
            + " SET last_bar_start = EXCLUDED.last_bar_start, updated_at = now()"
            + " WHERE collection_state.last_bar_start < EXCLUDED.last_bar_start";

    private final DataSource dataSource;
    private final MarketCalendar calendar;
    private final MarketClock clock;

    CollectionState(DataSource dataSource, MarketCalendar calendar, MarketClock clock) {
        this.dataSource = dataSource;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Records that {@code bars} of {@code symbol} were archived. Only bar starts the calendar knows count: a
     * corrupted timestamp (say 16:00 KST) must not make the live job believe the session was collected, nor may a
     * bar still in progress (a provider may serve the running minute) count as collected. A failure
     * to write the state is logged, never fails the collection (the bars are already safe in the archive).
     */
    public void archived(String symbol, BarInterval interval, List<Bar> bars) {
        Optional<Instant> newest = bars.stream().map(Bar::timestamp).filter(Objects::nonNull)
                .filter(start -> calendar.isBarStart(start, interval))
                .filter(start -> !end(start, interval).isAfter(clock.now())).max(Instant::compareTo);
        if (newest.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(ADVANCE)) {
            update.setString(1, symbol);
            update.setString(2, interval.code());
            update.setObject(3, OffsetDateTime.ofInstant(newest.get(), ZoneOffset.UTC));
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("collection state of %s %s not updated: %s", symbol, interval.code(), e.getMessage());
        }
    }

    private Instant end(Instant start, BarInterval interval) {
        return interval.isIntraday() ? start.plus(interval.length())
                : calendar.session(calendar.tradingDate(start)).map(Session::close).orElse(start);
    }

    /** The newest archived bar start of each of {@code symbols} that has one. */
    public Map<String, Instant> lastBarStarts(BarInterval interval, Collection<String> symbols) {
        Map<String, Instant> starts = new HashMap<>();
        if (symbols.isEmpty()) {
            return starts;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT symbol, last_bar_start FROM collection_state WHERE interval = ? AND symbol = ANY (?)")) {
            Array array = connection.createArrayOf("varchar", symbols.toArray());
            query.setString(1, interval.code());
            query.setArray(2, array);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    starts.put(row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        } catch (SQLException e) {
            // without state the live job falls back to the last completed bar only; gap-fill heals the rest
            LOG.warnf("collection state not readable: %s", e.getMessage());
        }
        return starts;
    }
}
