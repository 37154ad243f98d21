package dev.marketpipe.loader.report;

import dev.marketpipe.loader.database.DatabaseException;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code daily_report} table (migration V6): each generated report kept as JSON and as its HTML page, one row per
 * KST date and interval. Writes are upserts, so regenerating replaces and replicas racing end in one row.
 */
@ApplicationScoped
public class KeptReports {

    /** {@code xmax = 0} only on a freshly inserted row: tells 201 (new) from 200 (replaced) in one statement. */
    private static final String UPSERT = "INSERT INTO daily_report (trading_date, bar_interval, generated_at, report,"
            + " html) VALUES (?, ?, ?, ?::jsonb, ?) ON CONFLICT (trading_date, bar_interval) DO UPDATE SET"
            + " generated_at = excluded.generated_at, report = excluded.report, html = excluded.html"
            + " RETURNING (xmax = 0)";

    private static final String LIST = "SELECT trading_date, bar_interval, generated_at,"
            + " report #>> '{kpis,completeness,status}', report #>> '{kpis,missingIntervals,status}',"
            + " report #>> '{kpis,quality,status}' FROM daily_report"
            + " ORDER BY trading_date DESC, bar_interval LIMIT ? OFFSET ?";

    private final DataSource dataSource;

    public KeptReports(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One kept report as stored. */
    public record Kept(LocalDate date, BarInterval interval, Instant generatedAt, String json, String html) {
    }

    /** A line of the listing: which report, when it was made, and the day's overall KPI status. */
    @RegisterForReflection
    public record Summary(LocalDate date, BarInterval interval, Instant generatedAt, Kpi.Status status) {
    }

    /** Keeps (or replaces) a report; true when there was none for the date and interval before. */
    public boolean keep(Kept report) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, report.date());
            upsert.setString(2, report.interval().code());
            upsert.setObject(3, OffsetDateTime.ofInstant(report.generatedAt(), ZoneOffset.UTC));
            upsert.setString(4, report.json());
            upsert.setString(5, report.html());
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new DatabaseException("keeping the daily report failed", e);
        }
    }

    public Optional<Kept> find(LocalDate date, BarInterval interval) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT generated_at, report::text, html FROM daily_report WHERE trading_date = ? AND bar_interval = ?")) {
            query.setObject(1, date);
            query.setString(2, interval.code());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Kept(date, interval, row.getObject(1, OffsetDateTime.class).toInstant(),
                        row.getString(2), row.getString(3)));
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading a kept daily report failed", e);
        }
    }

    /** Newest date first. */
    public List<Summary> list(int limit, int offset) {
        List<Summary> summaries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(LIST)) {
            query.setInt(1, limit);
            query.setInt(2, offset);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    summaries.add(new Summary(row.getObject(1, LocalDate.class),
                            BarInterval.fromCode(row.getString(2)), row.getObject(3, OffsetDateTime.class).toInstant(),
                            Kpi.Status.worst(status(row.getString(4)), status(row.getString(5)),
                                    status(row.getString(6)))));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("listing kept daily reports failed", e);
        }
        return summaries;
    }

    /** Deletes the reports of dates before {@code oldestKept}; returns how many. */
    public int purgeBefore(LocalDate oldestKept) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM daily_report WHERE trading_date < ?")) {
            delete.setObject(1, oldestKept);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException("purging old daily reports failed", e);
        }
    }

    private static Kpi.Status status(String code) {
        return Kpi.Status.valueOf(code.toUpperCase(Locale.ROOT));
    }
}
