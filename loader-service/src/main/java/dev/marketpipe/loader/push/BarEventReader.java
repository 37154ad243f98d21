package dev.marketpipe.loader.push;

import dev.marketpipe.loader.bars.BarReader;
import dev.marketpipe.loader.bars.StoredBar;
import dev.marketpipe.loader.bars.TimeRange;
import dev.marketpipe.loader.database.DatabaseException;
import dev.marketpipe.wire.BarInterval;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code bar_event} rows and the bars each one announces. */
@ApplicationScoped
class BarEventReader {

    /** The most bars one event can carry (a batch of a day's 1-minute bars is 390). */
    private static final int MAX_BARS = 10_000;

    /** One {@code bar_event} row. */
    record Row(long id, String symbol, BarInterval interval, Instant first, Instant last, String source,
            Instant createdAt) {
    }

    private final DataSource dataSource;
    private final BarReader bars;

    BarEventReader(DataSource dataSource, BarReader bars) {
        this.dataSource = dataSource;
        this.bars = bars;
    }

    /** The highest id written so far; 0 when there is none. */
    long maxId() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(max(id), 0) FROM bar_event")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new DatabaseException("reading the newest bar event failed", e);
        }
    }

    /** At most {@code limit} committed rows with an id above {@code after} (and at most {@code upTo}), by id. */
    List<Row> after(long after, long upTo, int limit) {
        String sql = "SELECT id, symbol, bar_interval, first_timestamp, last_timestamp, source, created_at FROM bar_event "
                + "WHERE id > ? AND id <= ? ORDER BY id LIMIT ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, after);
            statement.setLong(2, upTo);
            statement.setInt(3, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), BarInterval.fromCode(result.getString(3)),
                            instant(result, 4), instant(result, 5), result.getString(6), instant(result, 7)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new DatabaseException("reading bar events failed", e);
        }
    }

    /** The event of {@code row}: its bars as stored now. */
    BarEvent event(Row row) {
        List<StoredBar> stored = bars.read(row.symbol(), row.interval(),
                new TimeRange(row.first(), row.last().plusMillis(1)), Optional.empty(), MAX_BARS).bars();
        return new BarEvent(row.id(), row.symbol(), row.interval().code(), row.source(), row.createdAt(), stored);
    }

    /** Deletes the events older than {@code window}; returns how many. */
    int purge(Duration window) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM bar_event WHERE created_at < ?")) {
            statement.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minus(window));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException("purging old bar events failed", e);
        }
    }

    private static Instant instant(ResultSet result, int column) throws SQLException {
        return result.getObject(column, OffsetDateTime.class).toInstant();
    }
}
