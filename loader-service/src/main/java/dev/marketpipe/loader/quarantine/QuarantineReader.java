package dev.marketpipe.loader.quarantine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.loader.database.DatabaseException;
import dev.marketpipe.calendar.MarketCalendar;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the quarantine table for manual review and reports: filtered pages, newest first, and single entries. */
@ApplicationScoped
public class QuarantineReader {

    private static final String SELECT = "SELECT id, batch_id, data_type, symbol, \"interval\", record_timestamp, "
            + "status, reasons::text, record::text, archive_ref, created_at, decided_by, decided_at FROM quarantine ";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public QuarantineReader(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** One page of the entries matching {@code filter}, newest first (then by id, so pages never overlap). */
    public List<QuarantineEntry> list(QuarantineFilter filter, int limit, int offset) {
        String sql = SELECT + "WHERE (?::text IS NULL OR status = ?) AND (?::text IS NULL OR symbol = ?) "
                + "AND (?::text IS NULL OR reasons @> jsonb_build_array(jsonb_build_object('rule', ?::text))) "
                + "AND (?::timestamptz IS NULL OR (record_timestamp >= ? AND record_timestamp < ?)) "
                + "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?";
        String statusCode = filter.status() == null ? null : filter.status().code();
        OffsetDateTime dayStart = filter.date() == null ? null
                : filter.date().atStartOfDay(MarketCalendar.KRX_ZONE).toOffsetDateTime();
        OffsetDateTime dayEnd = dayStart == null ? null
                : filter.date().plusDays(1).atStartOfDay(MarketCalendar.KRX_ZONE).toOffsetDateTime();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, statusCode);
            query.setString(2, statusCode);
            query.setString(3, filter.symbol());
            query.setString(4, filter.symbol());
            query.setString(5, filter.rule());
            query.setString(6, filter.rule());
            query.setObject(7, dayStart);
            query.setObject(8, dayStart);
            query.setObject(9, dayEnd);
            query.setInt(10, limit);
            query.setInt(11, offset);
            return entries(query);
        } catch (SQLException e) {
            throw new DatabaseException("reading the quarantine failed", e);
        }
    }

    /**
     * The entry {@code id} on the caller's connection; with {@code lock}, the row stays locked until the caller's
     * transaction ends, so two reviewers deciding on one record at once are served one after the other.
     */
    public Optional<QuarantineEntry> find(Connection connection, long id, boolean lock) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                SELECT + "WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            query.setLong(1, id);
            return entries(query).stream().findFirst();
        }
    }

    private List<QuarantineEntry> entries(PreparedStatement query) throws SQLException {
        List<QuarantineEntry> entries = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                entries.add(new QuarantineEntry(row.getLong(1), row.getObject(2, UUID.class), row.getString(3),
                        row.getString(4), row.getString(5), instant(row, 6), row.getString(7),
                        tree(row.getString(8)), tree(row.getString(9)), row.getString(10), instant(row, 11),
                        row.getString(12), instant(row, 13)));
            }
        }
        return entries;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
