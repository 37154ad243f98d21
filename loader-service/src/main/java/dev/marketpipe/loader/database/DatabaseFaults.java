package dev.marketpipe.loader.database;

import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells "the database is unreachable right now" (spec §7.3 "Connection lost") apart from every other failure:
 * the former is answered 503 so the archive's outbox delivers again later, the latter is a bug (500).
 */
public final class DatabaseFaults {

    /** SQL states besides class 08 (connection exception) that mean "try again later". */
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now (starting up / shutting down)
            "53300"); // too_many_connections

    private DatabaseFaults() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isUnavailableState(sql)) {
                return true;
            }
            // Agroal answers an exhausted wait for a connection with a plain SQLException without SQL state.
            if (t instanceof SQLException && t.getMessage() != null
                    && t.getMessage().toLowerCase().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailableState(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                return true;
            }
        }
        return false;
    }
}
