package dev.marketpipe.loader.load;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.QuarantinedRecord;
import dev.marketpipe.wire.ValidatedBatch;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Invalid data is saved to the quarantine table: every quarantined record with its status and every reason, the record
 * stored as received (null fields kept, so a reviewer sees what was missing) next to its archive reference. The
 * same record received again (a re-run backfill) is the same finding: it keeps its first row and any decision.
 */
@ApplicationScoped
public class QuarantineWriter {

    private static final String INSERT = "INSERT INTO quarantine (batch_id, data_type, symbol, \"interval\", "
            + "record_timestamp, record, reasons, status, archive_ref) "
            + "VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?) "
            + "ON CONFLICT (record_key) DO NOTHING"; // already quarantined (or decided on) by an earlier batch

    private final ObjectMapper json;

    public QuarantineWriter(ObjectMapper objectMapper) {
        // a copy: nulls must be written even if someone configures the shared mapper to drop them
        this.json = objectMapper.copy().setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);
    }

    public void insert(Connection connection, ValidatedBatch batch) throws SQLException {
        if (batch.quarantinedCount() == 0) {
            return;
        }
        String interval = batch.interval() == null ? null : batch.interval().code();
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (QuarantinedBar quarantined : batch.quarantined()) {
                statement.setObject(1, batch.batchId());
                statement.setString(2, batch.dataType().code());
                statement.setString(3, batch.symbol());
                statement.setString(4, interval);
                if (quarantined.bar().timestamp() == null) {
                    statement.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    statement.setObject(5, OffsetDateTime.ofInstant(quarantined.bar().timestamp(), ZoneOffset.UTC));
                }
                statement.setString(6, toJson(quarantined.bar()));
                statement.setString(7, toJson(quarantined.issues()));
                statement.setString(8, quarantined.status().code());
                statement.setString(9, batch.archiveRef());
                statement.addBatch();
            }
            for (QuarantinedRecord quarantined : batch.quarantinedRecords() == null
                    ? List.<QuarantinedRecord>of() : batch.quarantinedRecords()) {
                statement.setObject(1, batch.batchId());
                statement.setString(2, batch.dataType().code());
                statement.setString(3, batch.symbol());
                statement.setString(4, interval);
                if (quarantined.timestamp() == null) {
                    statement.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    statement.setObject(5, OffsetDateTime.ofInstant(quarantined.timestamp(), ZoneOffset.UTC));
                }
                statement.setString(6, toJson(quarantined.record()));
                statement.setString(7, toJson(quarantined.issues()));
                statement.setString(8, quarantined.status().code());
                statement.setString(9, batch.archiveRef());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
