package dev.marketpipe.loader.tickbars;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.loader.config.MarketClock;
import dev.marketpipe.loader.database.DatabaseException;
import dev.marketpipe.loader.bars.MarketTable;
import dev.marketpipe.loader.partition.MonthPartition;
import dev.marketpipe.loader.partition.TablePartitions;
import dev.marketpipe.loader.push.BarEvents;
import dev.marketpipe.wire.BarInterval;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the 1-minute bar of every minute with new ticks once the minute has ended plus {@code grace}: open and close
 * are the first and last trade (by the day's cumulative volume, the feed's trade order), high and low the extremes,
 * volume the sum of the trades' quantities, value the increase of the day's cumulative traded value since the last
 * trade before the minute (the sum of price × quantity on the day's first minute). The bar is stored in
 * {@code market_data_1min} with source {@code ticks}; a REST bar already stored for the minute is kept unless
 * {@code prefer=ticks}. Pending minutes are taken with {@code FOR UPDATE SKIP LOCKED}, so loader replicas share
 * the work, and removed in the transaction that stores their bars: a crash rebuilds them, never loses them. A bar
 * that changed is announced to the push stream ({@link BarEvents}).
 */
@ApplicationScoped
public class TickBarBuilder {

    private static final Logger LOG = Logger.getLogger(TickBarBuilder.class);
    private static final String DUE = "SELECT symbol, minute FROM tick_minute_pending WHERE minute <= ? "
            + "ORDER BY minute, symbol LIMIT 1000 FOR UPDATE SKIP LOCKED";
    private static final String DONE = "DELETE FROM tick_minute_pending WHERE symbol = ? AND minute = ?";
    private static final String BUILD = "INSERT INTO market_data_1min AS t (\"timestamp\", symbol, open, high, low, "
            + "close, volume, \"value\", source) "
            + "SELECT ?, ?, (array_agg(price ORDER BY cumulative_volume))[1], max(price), min(price), "
            + "(array_agg(price ORDER BY cumulative_volume DESC))[1], sum(quantity), "
            + "coalesce(max(cumulative_value) - (SELECT p.cumulative_value FROM market_ticks p WHERE p.symbol = ? "
            + "AND p.trading_date = ? AND p.\"timestamp\" < ? ORDER BY p.cumulative_volume DESC LIMIT 1), "
            + "sum(price * quantity)), '" + MarketTable.TICKS + "' "
            + "FROM market_ticks WHERE symbol = ? AND trading_date = ? AND \"timestamp\" >= ? AND \"timestamp\" < ? "
            + "HAVING count(*) > 0 "
            + "ON CONFLICT (symbol, \"timestamp\") DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high, "
            + "low = EXCLUDED.low, close = EXCLUDED.close, volume = EXCLUDED.volume, \"value\" = EXCLUDED.\"value\", "
            + "source = EXCLUDED.source, updated_at = now() "
            + "WHERE (t.source = '" + MarketTable.TICKS + "' OR ?) AND (t.open, t.high, t.low, t.close, t.volume, "
            + "t.\"value\", t.source) IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, "
            + "EXCLUDED.volume, EXCLUDED.\"value\", EXCLUDED.source)";

    private final DataSource dataSource;
    private final TablePartitions partitions;
    private final TickBarsConfig config;
    private final Counter built;
    private final MarketClock clock;
    private volatile boolean paused;

    TickBarBuilder(DataSource dataSource, TablePartitions partitions, TickBarsConfig config, MarketClock clock,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.partitions = partitions;
        this.config = config;
        this.clock = clock;
        this.built = Counter.builder("marketpipe.loader.tick.bars.built")
                .description("1-minute bars built (or rebuilt) from ticks").register(registry);
    }

    void checkPreference(@Observes StartupEvent event) {
        if (!Set.of(MarketTable.REST, MarketTable.TICKS).contains(config.prefer())) {
            throw new IllegalStateException("marketpipe.loader.tick-bars.prefer must be rest or ticks, was "
                    + config.prefer());
        }
    }

    @Scheduled(every = "${marketpipe.loader.tick-bars.every:250ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            buildDue();
            if (paused) {
                paused = false;
                LOG.info("building bars from ticks resumed");
            }
        } catch (DatabaseException e) {
            // the database is away (an outage the loader's readiness reports): one line per outage, no trace
            if (!paused) {
                paused = true;
                LOG.warnf("building bars from ticks paused: %s; the minutes stay pending and are tried again every %s",
                        e.getMessage(), config.every());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "building bars from ticks failed; the minutes stay pending and are tried again");
        }
    }

    /** Builds the bars of every minute due now; returns how many minutes it took. */
    public int buildDue() {
        Instant due = clock.now().minusSeconds(60).minus(config.grace());
        List<Pending> pending = peek(due);
        if (pending.isEmpty()) {
            return 0;
        }
        // the months' partitions first, outside the transaction (TablePartitions explains why)
        Set<MonthPartition> months = new LinkedHashSet<>();
        pending.forEach(p -> months.add(MonthPartition.of(MarketTable.ONE_MINUTE, p.minute())));
        partitions.ensure(months);
        return build(due);
    }

    private List<Pending> peek(Instant due) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT symbol, minute FROM tick_minute_pending WHERE minute <= ? LIMIT 1000")) {
            statement.setObject(1, utc(due));
            return read(statement);
        } catch (SQLException e) {
            throw new DatabaseException("reading the pending tick minutes failed", e);
        }
    }

    private int build(Instant due) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement take = connection.prepareStatement(DUE);
                    PreparedStatement build = connection.prepareStatement(BUILD);
                    PreparedStatement done = connection.prepareStatement(DONE)) {
                take.setObject(1, utc(due));
                List<Pending> taken = read(take);
                for (Pending minute : taken) {
                    bind(build, minute);
                    build.addBatch();
                    done.setString(1, minute.symbol());
                    done.setObject(2, utc(minute.minute()));
                    done.addBatch();
                }
                int[] changed = build.executeBatch();
                done.executeBatch();
                for (int i = 0; i < taken.size(); i++) {
                    if (changed[i] > 0) {
                        // one event a minute: live, a minute's bar is all that changed for its symbol
                        Pending minute = taken.get(i);
                        BarEvents.changed(connection, minute.symbol(), BarInterval.ONE_MINUTE, minute.minute(),
                                minute.minute(), MarketTable.TICKS);
                    }
                }
                connection.commit();
                built.increment(taken.size());
                return taken.size();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("building bars from ticks failed", e);
        }
    }

    private void bind(PreparedStatement build, Pending minute) throws SQLException {
        OffsetDateTime start = utc(minute.minute());
        LocalDate tradingDate = start.atZoneSameInstant(MarketCalendar.KRX_ZONE).toLocalDate();
        build.setObject(1, start);
        build.setString(2, minute.symbol());
        build.setString(3, minute.symbol());
        build.setObject(4, tradingDate);
        build.setObject(5, start);
        build.setString(6, minute.symbol());
        build.setObject(7, tradingDate);
        build.setObject(8, start);
        build.setObject(9, start.plusMinutes(1));
        build.setBoolean(10, MarketTable.TICKS.equals(config.prefer()));
    }

    private static List<Pending> read(PreparedStatement statement) throws SQLException {
        List<Pending> pending = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                pending.add(new Pending(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant()));
            }
        }
        return pending;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Pending(String symbol, Instant minute) {
    }
}
