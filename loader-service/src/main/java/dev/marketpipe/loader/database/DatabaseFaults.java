package dev.marketpipe.loader.database;

import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a failure's SQL state: "the database is unreachable right now", a write race, or a database that
 * cannot store anything (disk full) are {@link DatabaseFault}s the loader answers for; everything else is a bug (500).
 */
public final class DatabaseFaults {

    /** SQL states besides class 08 (connection exception) that mean "try again later". */
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now (starting up / shutting down)
            "53300"); // too_many_connections
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Set<String> CONCURRENT_UPDATE_STATES = Set.of(
            "40001", // serialization_failure
            "40P01"); // deadlock_detected
    private static final String DISK_FULL = "53100";
    private static final String INSUFFICIENT_RESOURCES_CLASS = "53";

    private DatabaseFaults() {
    }

    /** The fault a failure (or any of its causes, suppressed ones included) is, or empty when it is none of them. */
    public static Optional<DatabaseFault> classify(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            Optional<DatabaseFault> fault = of(t);
            if (fault.isPresent()) {
                return fault;
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(List.of(t.getSuppressed())); // a failed commit may carry the cause as a suppressed one
        }
        return Optional.empty();
    }

    private static Optional<DatabaseFault> of(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof JDBCConnectionException) {
            return Optional.of(DatabaseFault.CONNECTION_LOST);
        }
        if (t instanceof SQLException sql) {
            Optional<DatabaseFault> fault = byState(sql);
            if (fault.isPresent()) {
                return fault;
            }
            // Agroal answers an exhausted wait for a connection with a plain SQLException without SQL state.
            if (sql.getMessage() != null && sql.getMessage().toLowerCase().contains("acquisition timeout")) {
                return Optional.of(DatabaseFault.CONNECTION_LOST);
            }
        }
        return Optional.empty();
    }

    private static Optional<DatabaseFault> byState(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state == null) {
                continue;
            }
            if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) {
                return Optional.of(DatabaseFault.CONNECTION_LOST);
            }
            if (state.equals(UNIQUE_VIOLATION)) {
                return Optional.of(DatabaseFault.DUPLICATE_KEY);
            }
            if (CONCURRENT_UPDATE_STATES.contains(state)) {
                return Optional.of(DatabaseFault.CONCURRENT_UPDATE);
            }
            if (state.equals(DISK_FULL)) {
                return Optional.of(DatabaseFault.DISK_FULL);
            }
            if (state.startsWith(INSUFFICIENT_RESOURCES_CLASS)) {
                return Optional.of(DatabaseFault.INSUFFICIENT_RESOURCES);
            }
        }
        return Optional.empty();
    }
}
