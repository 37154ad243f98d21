package dev.marketpipe.collector.gapfill;

import dev.marketpipe.wire.BarInterval;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How often gap-fill requested each missing bar start from a provider that answered ({@code gapfill_attempt},
 * collector schema). Shared by replicas and kept across restarts, so a bar that can never be stored (quarantined
 * on every fetch) is requested at most {@code max-attempts} times, not every fifteen minutes forever.
 */
@ApplicationScoped
public class GapfillAttempts {

    private final DataSource dataSource;

    GapfillAttempts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Bar starts in {@code [from, to)} requested at least {@code maxAttempts} times. */
    public Set<Instant> exhausted(String symbol, BarInterval interval, Instant from, Instant to, int maxAttempts) {
        Set<Instant> starts = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT bar_start FROM gapfill_attempt WHERE symbol = ? AND interval = ? AND bar_start >= ?"
                        + " AND bar_start < ? AND attempts >= ?")) {
            query.setString(1, symbol);
            query.setString(2, interval.code());
            query.setObject(3, utc(from));
            query.setObject(4, utc(to));
            query.setInt(5, maxAttempts);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    starts.add(row.getObject(1, OffsetDateTime.class).toInstant());
                }
            }
            return starts;
        } catch (SQLException e) {
            throw new IllegalStateException("gap-fill attempts not readable: " + e.getMessage(), e);
        }
    }

    /** Counts one answered request for each of {@code barStarts}. */
    public void requested(String symbol, BarInterval interval, List<Instant> barStarts) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO gapfill_attempt (symbol, interval, bar_start, attempts, last_attempt_at)"
                        + " SELECT ?, ?, unnest(?::timestamptz[]), 1, now()"
                        + " ON CONFLICT (symbol, interval, bar_start) DO UPDATE"
                        + " SET attempts = gapfill_attempt.attempts + 1, last_attempt_at = now()")) {
            insert.setString(1, symbol);
            insert.setString(2, interval.code());
            insert.setArray(3, connection.createArrayOf("timestamptz",
                    barStarts.stream().map(GapfillAttempts::utc).toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("gap-fill attempts not recorded: " + e.getMessage(), e);
        }
    }

    /** Forgets attempts older than {@code retention}. */
    public int purge(Duration retention) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM gapfill_attempt WHERE last_attempt_at < now() - make_interval(secs => ?)")) {
            delete.setDouble(1, retention.toSeconds());
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("gap-fill attempts not purged: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
