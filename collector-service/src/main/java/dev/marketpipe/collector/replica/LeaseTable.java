package dev.marketpipe.collector.replica;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the lease protocol ({@code collector_instance}, {@code symbol_lease}). Every statement is atomic on
 * its rows and uses the database clock, so instances never need synchronised clocks: a row has one owner at a
 * time, and only an expired or free lease can change hands.
 */
@ApplicationScoped
public class LeaseTable {

    private final DataSource dataSource;

    LeaseTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Result of one renewal round. */
    public record Round(List<String> held, int members, Optional<Duration> nextForeignExpiry) {
    }

    /**
     * Heartbeat, renew what we hold, then move towards a fair share ({@code ceil(symbols / live members)}):
     * release the surplus (highest symbols first) or take free and expired leases (lowest first).
     */
    public Round renew(String instance, List<String> symbols, Duration lease) throws SQLException {
        double seconds = lease.toMillis() / 1000.0;
        try (Connection c = dataSource.getConnection()) {
            Object[] all = symbols.toArray();
            update(c, "INSERT INTO collector_instance (instance_id, expires_at) VALUES (?, now() + make_interval(secs => ?))"
                    + " ON CONFLICT (instance_id) DO UPDATE SET expires_at = EXCLUDED.expires_at", instance, seconds);
            update(c, "INSERT INTO symbol_lease (symbol) SELECT unnest(?::varchar[]) ON CONFLICT (symbol) DO NOTHING",
                    c.createArrayOf("varchar", all));
            List<String> held = symbols(c, "UPDATE symbol_lease SET expires_at = now() + make_interval(secs => ?)"
                    + " WHERE owner = ? AND symbol = ANY (?::varchar[]) RETURNING symbol", seconds, instance,
                    c.createArrayOf("varchar", all));
            int members = (int) number(c, "SELECT count(*) FROM collector_instance WHERE expires_at > now()");
            int share = (symbols.size() + Math.max(1, members) - 1) / Math.max(1, members);
            held.sort(null);
            if (held.size() > share) {
                List<String> surplus = new ArrayList<>(held.subList(share, held.size()));
                update(c, "UPDATE symbol_lease SET owner = NULL, expires_at = '-infinity'"
                        + " WHERE owner = ? AND symbol = ANY (?::varchar[])", instance, c.createArrayOf("varchar", surplus.toArray()));
                held.removeAll(surplus);
            } else if (held.size() < share) {
                held.addAll(symbols(c, "UPDATE symbol_lease SET owner = ?, expires_at = now() + make_interval(secs => ?),"
                        + " acquired_at = now() WHERE symbol IN (SELECT symbol FROM symbol_lease"
                        + " WHERE symbol = ANY (?::varchar[]) AND (owner IS NULL OR expires_at <= now())"
                        + " ORDER BY symbol LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING symbol",
                        instance, seconds, c.createArrayOf("varchar", all), share - held.size()));
                held.sort(null);
            }
            double untilForeign = number(c, "SELECT coalesce(extract(epoch FROM min(expires_at) - now()), -1)"
                    + " FROM symbol_lease WHERE owner IS NOT NULL AND owner <> ? AND expires_at > now()", instance);
            Optional<Duration> next = untilForeign < 0 ? Optional.empty()
                    : Optional.of(Duration.ofMillis((long) (untilForeign * 1000)));
            return new Round(held, members, next);
        }
    }

    /** Gives every lease of {@code instance} up and leaves the member list (graceful shutdown). */
    public void release(String instance) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            update(c, "UPDATE symbol_lease SET owner = NULL, expires_at = '-infinity' WHERE owner = ?", instance);
            update(c, "DELETE FROM collector_instance WHERE instance_id = ?", instance);
        }
    }

    /** One lease as {@code GET /v1/leases} shows it. */
    @RegisterForReflection
    public record Lease(String symbol, String owner, Instant expiresAt, boolean live) {
    }

    /** One instance as {@code GET /v1/leases} shows it. */
    @RegisterForReflection
    public record Member(String instance, Instant expiresAt, boolean live) {
    }

    public List<Lease> leases() throws SQLException {
        List<Lease> leases = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT symbol, owner, CASE WHEN expires_at = '-infinity' THEN NULL ELSE expires_at END,"
                        + " owner IS NOT NULL AND expires_at > now() FROM symbol_lease ORDER BY symbol");
                ResultSet r = q.executeQuery()) {
            while (r.next()) {
                OffsetDateTime expires = r.getObject(3, OffsetDateTime.class);
                leases.add(new Lease(r.getString(1), r.getString(2), expires == null ? null : expires.toInstant(),
                        r.getBoolean(4)));
            }
        }
        return leases;
    }

    public List<Member> members() throws SQLException {
        List<Member> members = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT instance_id, expires_at, expires_at > now() FROM collector_instance ORDER BY instance_id");
                ResultSet r = q.executeQuery()) {
            while (r.next()) {
                members.add(new Member(r.getString(1), r.getObject(2, OffsetDateTime.class).toInstant(), r.getBoolean(3)));
            }
        }
        return members;
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params)) {
            s.executeUpdate();
        }
    }

    private static List<String> symbols(Connection c, String sql, Object... params) throws SQLException {
        List<String> symbols = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                symbols.add(r.getString(1));
            }
        }
        return symbols;
    }

    private static double number(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getDouble(1);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof java.sql.Array array) {
                s.setArray(i + 1, array);
            } else {
                s.setObject(i + 1, params[i]);
            }
        }
        return s;
    }
}
