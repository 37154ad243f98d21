package dev.marketpipe.loader.quarantine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.loader.database.DatabaseException;
import dev.marketpipe.wire.QuarantineStatus;
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
import java.util.UUID;

/** Lists the quarantine table, newest first, for manual review (spec §7.2) and reports. */
@ApplicationScoped
public class QuarantineReader {

    private final DataSource dataSource;
    private final ObjectMapper json;

    public QuarantineReader(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** @param status and @param symbol filter when not null */
    public List<QuarantineEntry> list(QuarantineStatus status, String symbol, int limit) {
        String sql = "SELECT id, batch_id, data_type, symbol, \"interval\", record_timestamp, status, reasons::text, "
                + "record::text, archive_ref, created_at, decided_by, decided_at FROM quarantine "
                + "WHERE (?::text IS NULL OR status = ?) AND (?::text IS NULL OR symbol = ?) "
                + "ORDER BY created_at DESC, id DESC LIMIT ?";
        String statusCode = status == null ? null : status.code();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, statusCode);
            query.setString(2, statusCode);
            query.setString(3, symbol);
            query.setString(4, symbol);
            query.setInt(5, limit);
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
        } catch (SQLException e) {
            throw new DatabaseException("reading the quarantine failed", e);
        }
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
