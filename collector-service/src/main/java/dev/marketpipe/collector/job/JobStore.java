package dev.marketpipe.collector.job;

import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.collector.database.Transactions;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Collection jobs and their request windows in {@code collector.collection_job} / {@code job_window}: what was asked,
 * which windows are done, failed or still pending, and which replica works on which window until when. Every
 * change is one statement, so a crash between two leaves a consistent job: a window is pending until its outcome is
 * written, and then it is never run again.
 */
@ApplicationScoped
public class JobStore {

    /** A window that is a request to make. */
    public static final String FETCH = "fetch";
    /** A window that is one symbol of a gap-fill to plan. */
    public static final String PLAN = "plan";
    private static final int MAX_ERROR = 500;

    private final DataSource dataSource;

    JobStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A stored job with its progress summed over its windows.
     *
     * @param windows fetch windows (requests planned)
     * @param done    fetch windows done
     * @param failed  windows failed, plan windows included
     * @param planned plan windows done (symbols planned)
     */
    public record Job(UUID id, String kind, String request, JobState state, Instant createdAt, Instant finishedAt,
            String lastError, int windows, int done, int failed, int pages, long records, int resumed, int planned,
            long barsExpected, long barsStored, long barsMissing, long barsSkipped) {
    }

    /** A window claimed for running: its job, its number within the job, its step, what to ask. */
    public record Claimed(UUID jobId, int seq, String kind, String step, FetchWindow window) {
    }

    /**
     * Stores a new job and its windows, all of {@code step}; a job without windows is finished at once.
     */
    public void create(UUID id, String kind, String request, String step, List<FetchWindow> windows, Instant now) {
        inTransaction(connection -> {
            try (PreparedStatement job = connection.prepareStatement("INSERT INTO collection_job (id, kind, request,"
                    + " state, created_at, finished_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                job.setObject(1, id);
                job.setString(2, kind);
                job.setString(3, request);
                job.setString(4, (windows.isEmpty() ? JobState.SUCCEEDED : JobState.RUNNING).name());
                job.setTimestamp(5, Timestamp.from(now));
                job.setTimestamp(6, windows.isEmpty() ? Timestamp.from(now) : null);
                job.executeUpdate();
            }
            insertWindows(connection, id, 0, step, windows);
            return null;
        });
    }

    /**
     * A plan window is done: its fetch windows are added to the job, and the plan's counts kept, in one transaction.
     * Returns whether that finished the job (nothing was missing).
     */
    public boolean planned(Claimed plan, JobWork.Plan outcome, Instant now) {
        inTransaction(connection -> {
            // the job's row lock orders the plans of one job; the numbers are read after it, by a statement of its own
            // (a statement that waited for a lock still reads with the snapshot it started with)
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT 1 FROM collection_job WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, plan.jobId());
                lock.executeQuery().close();
            }
            int next;
            try (PreparedStatement max = connection.prepareStatement(
                    "SELECT coalesce(max(seq), -1) + 1 FROM job_window WHERE job_id = ?")) {
                max.setObject(1, plan.jobId());
                try (ResultSet row = max.executeQuery()) {
                    row.next();
                    next = row.getInt(1);
                }
            }
            insertWindows(connection, plan.jobId(), next, FETCH, outcome.windows());
            try (PreparedStatement done = connection.prepareStatement("UPDATE job_window SET state = 'done',"
                    + " bars_expected = ?, bars_stored = ?, bars_missing = ?, bars_skipped = ? WHERE job_id = ?"
                    + " AND seq = ? AND state = 'pending'")) {
                done.setInt(1, outcome.expected());
                done.setInt(2, outcome.stored());
                done.setInt(3, outcome.missing());
                done.setInt(4, outcome.skipped());
                done.setObject(5, plan.jobId());
                done.setInt(6, plan.seq());
                done.executeUpdate();
            }
            return null;
        });
        return finishIfDone(plan.jobId(), now);
    }

    private static void insertWindows(Connection connection, UUID id, int firstSeq, String step,
            List<FetchWindow> windows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO job_window (job_id, seq, step, symbol,"
                + " bar_interval, start_param, end_param, window_start, window_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < windows.size(); i++) {
                FetchWindow window = windows.get(i);
                insert.setObject(1, id);
                insert.setInt(2, firstSeq + i);
                insert.setString(3, step);
                insert.setString(4, window.symbol());
                insert.setString(5, window.interval().code());
                insert.setString(6, window.startParam());
                insert.setString(7, window.endParam());
                insert.setTimestamp(8, Timestamp.from(window.windowStart()));
                insert.setTimestamp(9, Timestamp.from(window.windowEnd()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Claims up to {@code limit} pending windows of running jobs of {@code kinds} for {@code instance} until
     * {@code now + claim}: of the
     * symbols in {@code owned}, or of symbols outside {@code universe} (nobody holds a lease for them); oldest job
     * first. A window whose earlier claim ran out (its replica stopped or died) is taken over.
     */
    public List<Claimed> claim(String instance, Collection<String> kinds, Collection<String> owned,
            Collection<String> universe, int limit, Duration claim, Instant now) {
        return inTransaction(connection -> {
            String sql = "WITH next AS (SELECT w.job_id, w.seq FROM job_window w JOIN collection_job j ON j.id = w.job_id"
                    + " WHERE j.state = 'RUNNING' AND j.kind = ANY (?) AND w.state = 'pending'"
                    + " AND (w.claimed_until IS NULL OR w.claimed_until < ?)"
                    + " AND (w.symbol = ANY (?) OR NOT w.symbol = ANY (?))"
                    + " ORDER BY j.created_at, w.seq LIMIT ? FOR UPDATE OF w SKIP LOCKED)"
                    + " UPDATE job_window w SET claimed_by = ?, claimed_until = ?, claims = w.claims + 1"
                    + " FROM next, collection_job j WHERE w.job_id = next.job_id AND w.seq = next.seq AND j.id = w.job_id"
                    + " RETURNING w.job_id, w.seq, j.kind, w.step, w.symbol, w.bar_interval, w.start_param,"
                    + " w.end_param, w.window_start, w.window_end";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, textArray(connection, kinds));
                statement.setTimestamp(2, Timestamp.from(now));
                statement.setArray(3, textArray(connection, owned));
                statement.setArray(4, textArray(connection, universe));
                statement.setInt(5, limit);
                statement.setString(6, instance);
                statement.setTimestamp(7, Timestamp.from(now.plus(claim)));
                List<Claimed> claimed = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(new Claimed(rows.getObject(1, UUID.class), rows.getInt(2), rows.getString(3),
                                rows.getString(4), new FetchWindow(rows.getString(5),
                                BarInterval.fromCode(rows.getString(6)), rows.getString(7), rows.getString(8),
                                rows.getTimestamp(9).toInstant(), rows.getTimestamp(10).toInstant())));
                    }
                }
                return claimed;
            }
        });
    }

    /** Keeps the claims of windows still running on {@code instance} for another {@code claim}. */
    public void extend(String instance, Collection<Claimed> running, Duration claim, Instant now) {
        for (Claimed window : running) {
            update("UPDATE job_window SET claimed_until = ? WHERE job_id = ? AND seq = ? AND claimed_by = ?"
                    + " AND state = 'pending'", Timestamp.from(now.plus(claim)), window.jobId(), window.seq(), instance);
        }
    }

    /** Gives the windows {@code instance} still holds back (a graceful stop): another replica takes them at once. */
    public void release(String instance, Instant now) {
        update("UPDATE job_window SET claimed_until = ? WHERE claimed_by = ? AND state = 'pending'"
                + " AND claimed_until > ?", Timestamp.from(now.minusMillis(1)), instance, Timestamp.from(now));
    }

    /**
     * The window was collected: {@code pages} responses, {@code records} records. Returns whether that finished its
     * job.
     */
    public boolean succeeded(Claimed window, int pages, int records, Instant now) {
        update("UPDATE job_window SET state = 'done', pages = ?, records = ? WHERE job_id = ? AND seq = ?"
                + " AND state = 'pending'", pages, records, window.jobId(), window.seq());
        return finishIfDone(window.jobId(), now);
    }

    /**
     * The window's attempt failed (after the request's own retries). While {@code retry} allows another attempt it
     * is pending again, held back until {@code retry.after(failures)}; otherwise it failed for good. Returns whether
     * that finished its job.
     */
    public boolean failed(Claimed window, String error, WindowRetry retry, Instant now) {
        String message = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) + "…" : error;
        inTransaction(connection -> {
            int failures;
            try (PreparedStatement read = connection.prepareStatement("SELECT failures FROM job_window"
                    + " WHERE job_id = ? AND seq = ? AND state = 'pending' FOR UPDATE")) {
                read.setObject(1, window.jobId());
                read.setInt(2, window.seq());
                try (ResultSet row = read.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    failures = row.getInt(1) + 1;
                }
            }
            boolean again = retry.allowsAnother(failures);
            try (PreparedStatement update = connection.prepareStatement("UPDATE job_window SET failures = ?,"
                    + " state = ?, claimed_by = NULL, claimed_until = ? WHERE job_id = ? AND seq = ?")) {
                update.setInt(1, failures);
                update.setString(2, again ? "pending" : "failed");
                update.setTimestamp(3, Timestamp.from(again ? now.plus(retry.after(failures)) : now));
                update.setObject(4, window.jobId());
                update.setInt(5, window.seq());
                update.executeUpdate();
            }
            try (PreparedStatement job = connection.prepareStatement(
                    "UPDATE collection_job SET last_error = ? WHERE id = ?")) {
                job.setString(1, message);
                job.setObject(2, window.jobId());
                job.executeUpdate();
            }
            return null;
        });
        return finishIfDone(window.jobId(), now);
    }

    /** Cancels a running job: no pending window is started any more. False when it was not running. */
    public boolean cancel(UUID id, Instant now) {
        return update("UPDATE collection_job SET state = 'CANCELLED', finished_at = ? WHERE id = ? AND state = 'RUNNING'",
                Timestamp.from(now), id) > 0;
    }

    public Optional<Job> find(UUID id) {
        List<Job> jobs = query("j.id = ?", id, 1);
        return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
    }

    /** The newest {@code limit} jobs of {@code kind}. */
    public List<Job> list(String kind, int limit) {
        return query("j.kind = ?", kind, limit);
    }

    /** Forgets finished jobs of {@code kind} beyond the newest {@code keep}. */
    public int purge(String kind, int keep) {
        return update("DELETE FROM collection_job WHERE kind = ? AND state <> 'RUNNING' AND id NOT IN (SELECT id FROM"
                + " collection_job WHERE kind = ? ORDER BY created_at DESC LIMIT ?)", kind, kind, keep);
    }

    private boolean finishIfDone(UUID job, Instant now) {
        return update("UPDATE collection_job j SET finished_at = ?, state = CASE WHEN EXISTS (SELECT 1 FROM job_window w"
                + " WHERE w.job_id = j.id AND w.state = 'failed') THEN 'FAILED' ELSE 'SUCCEEDED' END"
                + " WHERE j.id = ? AND j.state = 'RUNNING'"
                + " AND NOT EXISTS (SELECT 1 FROM job_window w WHERE w.job_id = j.id AND w.state = 'pending')",
                Timestamp.from(now), job) > 0;
    }

    private List<Job> query(String where, Object parameter, int limit) {
        String sql = "SELECT j.id, j.kind, j.request, j.state, j.created_at, j.finished_at, j.last_error,"
                + " count(*) FILTER (WHERE w.step = 'fetch'),"
                + " count(*) FILTER (WHERE w.step = 'fetch' AND w.state = 'done'),"
                + " count(*) FILTER (WHERE w.state = 'failed'),"
                + " coalesce(sum(w.pages), 0), coalesce(sum(w.records), 0), coalesce(sum(GREATEST(w.claims - 1, 0)), 0),"
                + " count(*) FILTER (WHERE w.step = 'plan' AND w.state = 'done'), coalesce(sum(w.bars_expected), 0),"
                + " coalesce(sum(w.bars_stored), 0), coalesce(sum(w.bars_missing), 0), coalesce(sum(w.bars_skipped), 0)"
                + " FROM collection_job j LEFT JOIN job_window w ON w.job_id = j.id WHERE " + where
                + " GROUP BY j.id ORDER BY j.created_at DESC LIMIT ?";
        return inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, parameter);
                statement.setInt(2, limit);
                List<Job> jobs = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Timestamp finished = rows.getTimestamp(6);
                        jobs.add(new Job(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                                JobState.valueOf(rows.getString(4)), rows.getTimestamp(5).toInstant(),
                                finished == null ? null : finished.toInstant(), rows.getString(7), rows.getInt(8),
                                rows.getInt(9), rows.getInt(10), rows.getInt(11), rows.getLong(12), rows.getInt(13),
                                rows.getInt(14), rows.getLong(15), rows.getLong(16), rows.getLong(17),
                                rows.getLong(18)));
                    }
                }
                return jobs;
            }
        });
    }

    private int update(String sql, Object... parameters) {
        return inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    private static Array textArray(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        try {
            return Transactions.run(dataSource, work);
        } catch (SQLException e) {
            throw new JobStoreUnavailable(e);
        }
    }

    /** The job tables cannot be reached (PostgreSQL down): nothing was changed. */
    public static final class JobStoreUnavailable extends RuntimeException {
        JobStoreUnavailable(SQLException cause) {
            super("the job store is not reachable: " + cause.getMessage(), cause);
        }
    }
}
