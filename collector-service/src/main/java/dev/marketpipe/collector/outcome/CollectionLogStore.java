package dev.marketpipe.collector.outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.collector.database.Transactions;
import dev.marketpipe.wire.CollectionAttempt;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The failed-attempt reports waiting for the loader, in {@code collector.collection_log_outbox}: written when an
 * attempt fails, deleted when the loader acknowledged the report. Every replica may send any report (a report of a
 * replica that is gone is sent by another); the loader keeps one row per {@code attemptId}.
 */
@ApplicationScoped
public class CollectionLogStore {

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    CollectionLogStore(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** Keeps a report (one with an {@code attemptId}); a report already kept is left as it is. */
    void save(CollectionAttempt report) throws SQLException {
        Transactions.run(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO collection_log_outbox"
                    + " (attempt_id, report, created_at) VALUES (?, ?::jsonb, ?) ON CONFLICT (attempt_id) DO NOTHING")) {
                insert.setObject(1, report.attemptId());
                insert.setString(2, json(report));
                insert.setObject(3, java.sql.Timestamp.from(report.occurredAt()));
                return insert.executeUpdate();
            }
        });
    }

    /** The {@code limit} oldest reports, oldest first. */
    List<CollectionAttempt> oldest(int limit) throws SQLException {
        List<CollectionAttempt> reports = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT report::text FROM collection_log_outbox"
                        + " ORDER BY created_at, attempt_id LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reports.add(read(rows.getString(1)));
                }
            }
        }
        return reports;
    }

    void delete(UUID attemptId) throws SQLException {
        Transactions.run(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM collection_log_outbox WHERE attempt_id = ?")) {
                delete.setObject(1, attemptId);
                return delete.executeUpdate();
            }
        });
    }

    int count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM collection_log_outbox");
                ResultSet row = count.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Deletes the oldest reports beyond the newest {@code capacity}; returns how many. */
    int trim(int capacity) throws SQLException {
        return Transactions.run(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM collection_log_outbox WHERE"
                    + " attempt_id IN (SELECT attempt_id FROM collection_log_outbox"
                    + " ORDER BY created_at DESC, attempt_id DESC OFFSET ?)")) {
                delete.setInt(1, capacity);
                return delete.executeUpdate();
            }
        });
    }

    private String json(CollectionAttempt report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a collection-log report cannot be written as JSON", e);
        }
    }

    private CollectionAttempt read(String json) {
        try {
            return mapper.readValue(json, CollectionAttempt.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept collection-log report cannot be read", e);
        }
    }
}
