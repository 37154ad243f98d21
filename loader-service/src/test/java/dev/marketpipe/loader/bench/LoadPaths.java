package dev.marketpipe.loader.bench;

import dev.marketpipe.loader.load.BarUpserter;
import dev.marketpipe.loader.load.PostgresText;
import dev.marketpipe.loader.bars.MarketTable;
import dev.marketpipe.loader.load.StagingTables;
import dev.marketpipe.loader.load.UpsertCounts;
import dev.marketpipe.loader.partition.MonthPartition;
import dev.marketpipe.loader.partition.TablePartitions;
import dev.marketpipe.loader.partition.PartitionConfig;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Collection;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.math.BigInteger;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.io.DataOutputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Load-path benchmark (bench/load-paths.sh runs it): the same one-minute bars into
 * market_data_1min (schema of migrations V1..V7) by raw COPY, the loader's own BarUpserter (new keys: probe -> COPY
 * straight in; stored keys all unchanged: one read-only check; otherwise COPY -> staging -> one upsert), JDBC
 * batched upsert (the loader's former SQL) and row-by-row upsert. One transaction per batch (one symbol's trading
 * day) for every path but raw COPY, which is one COPY of everything. A diagnostic pair repeats raw COPY and the
 * loader with synchronous_commit=off (never the loader's setting) to separate the per-commit WAL flush from the
 * server's cost per row.
 * Args: jdbcUrl symbols barsPerSymbol rowByRowRows. Not a JUnit test: compiled with the loader's tests so that a
 * change to the loader's classes keeps it compiling.
 */
public class LoadPaths {

    static final String JDBC_UPSERT = "INSERT INTO market_data_1min AS t (\"timestamp\", symbol, open, high, low, close, "
            + "volume, \"value\") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (symbol, \"timestamp\") DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high, "
            + "low = EXCLUDED.low, close = EXCLUDED.close, volume = EXCLUDED.volume, "
            + "\"value\" = EXCLUDED.\"value\", updated_at = now() "
            + "WHERE (t.open, t.high, t.low, t.close, t.volume, t.\"value\") IS DISTINCT FROM "
            + "(EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.volume, EXCLUDED.\"value\")";

    static final Instant OPEN = Instant.parse("2025-03-04T00:00:00Z"); // 09:00 KST

    static PGSimpleDataSource ds;
    static PGSimpleDataSource diagnostic;
    static final SimpleMeterRegistry paths = new SimpleMeterRegistry();
    static final Map<String, Double> rates = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        ds = new PGSimpleDataSource();
        ds.setUrl(args[0]);
        ds.setUser("postgres");
        int symbols = Integer.parseInt(args[1]);
        int perSymbol = Integer.parseInt(args[2]);
        int rowByRowRows = Integer.parseInt(args[3]);
        List<List<AcceptedBar>> batches = generate(symbols, perSymbol);
        long total = (long) symbols * perSymbol;
        System.out.printf(Locale.ROOT, "%,d bars: %,d symbols x %d bars, one batch per symbol%n", total, symbols, perSymbol);

        // the same server, sessions with commits that do not wait for the WAL flush: a diagnostic only
        diagnostic = new PGSimpleDataSource();
        diagnostic.setUrl(args[0]);
        diagnostic.setUser("postgres");
        diagnostic.setOptions("-c synchronous_commit=off");

        TablePartitions partitions = new TablePartitions(ds, new PartitionConfig() {
            public int monthsAhead() { return 0; }
            public Duration lockTimeout() { return Duration.ofSeconds(10); }
            public int tickDaysAhead() { return 7; }
            public Duration tickRetention() { return Duration.ofDays(30); }
            public String checkEvery() { return "6h"; }
        });
        partitions.ensure(List.of(new MonthPartition(MarketTable.ONE_MINUTE, YearMonth.of(2025, 3))));
        BarUpserter loader = new BarUpserter(partitions, paths);
        List<List<AcceptedBar>> subset = batches.subList(0, Math.max(1, rowByRowRows / perSymbol));
        long subsetRows = (long) subset.size() * perSymbol;

        // warm-up (JIT, caches) on a tenth of the data, not measured
        List<List<AcceptedBar>> warmUp = batches.subList(0, Math.max(1, batches.size() / 10));
        empty();
        viaLoader(ds, loader, warmUp, (long) warmUp.size() * perSymbol, 0);
        jdbcBatch(warmUp);

        byte[] text = copyText(batches);
        empty();
        measure("raw COPY (one COPY of all rows), new rows", total, () -> rawCopy(ds, text));

        empty();
        measure("loader BarUpserter (probe -> COPY straight in), new rows", total,
                () -> viaLoader(ds, loader, batches, total, 0));
        measure("loader BarUpserter (probe -> unchanged check), redelivered unchanged rows", total,
                () -> viaLoader(ds, loader, batches, 0, total));

        empty();
        measure("loader BarUpserter, 4 sessions at once, new rows", total, () -> viaLoaderInParallel(loader, batches, 4));
        measure("loader BarUpserter, 4 sessions at once, redelivered unchanged rows", total,
                () -> viaLoaderInParallel(loader, batches, 4));

        // diagnostic, not a production setting: the same two paths with commits that skip the WAL flush, which
        // separates the per-batch flush (this VM's disk) from what each row costs the server
        empty();
        measure("diagnostic, synchronous_commit=off: raw COPY, new rows", total, () -> rawCopy(diagnostic, text));
        empty();
        measure("diagnostic, synchronous_commit=off: loader BarUpserter, new rows", total,
                () -> viaLoader(diagnostic, loader, batches, total, 0));
        measure("diagnostic, synchronous_commit=off: loader BarUpserter, redelivered unchanged rows", total,
                () -> viaLoader(diagnostic, loader, batches, 0, total));

        // design choices of the loader's path, staging step alone (COPY of each batch into the staging table)
        measure("staging only: text COPY into a reused temp table (loader)", total, () -> stagingOnly(batches, false, false));
        measure("staging only: binary COPY into a reused temp table", total,
                () -> stagingOnly(batches, true, false));
        measure("staging only: binary COPY into a temp table created per batch", total,
                () -> stagingOnly(batches, true, true));

        empty();
        measure("JDBC batched upsert, new rows", total, () -> jdbcBatch(batches));
        measure("JDBC batched upsert, redelivered unchanged rows", total, () -> jdbcBatch(batches));

        empty();
        measure("row-by-row upsert (" + subsetRows + "-row subset), new rows", subsetRows, () -> rowByRow(subset));
        measure("row-by-row upsert (" + subsetRows + "-row subset), redelivered unchanged rows", subsetRows, () -> rowByRow(subset));

        System.out.println();
        for (Counter path : paths.find("marketpipe.loader.bulk.path").counters()) {
            System.out.printf(Locale.ROOT, "batches by loader path %s: %.0f%n", path.getId().getTag("path"),
                    path.count());
        }
        double copy = rates.values().iterator().next();
        System.out.println();
        System.out.println("| path | rows/s | × raw COPY |");
        System.out.println("|---|---|---|");
        rates.forEach((name, rate) -> System.out.printf(Locale.ROOT, "| %s | %,.0f | %.2f |%n", name, rate, rate / copy));
    }

    interface Run {
        void run() throws Exception;
    }

    static void measure(String name, long rows, Run run) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
        long start = System.nanoTime();
        run.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = rows / seconds;
        rates.put(name, rate);
        System.out.printf(Locale.ROOT, "%-75s %,10.0f rows/s (%.2f s)%n", name, rate, seconds);
    }

    static void empty() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE market_data_1min");
            s.execute("VACUUM ANALYZE market_data_1min");
        }
    }

    /** KRX-like bars: per symbol a random walk on a 5-won tick from a random base price. Seeded. */
    static List<List<AcceptedBar>> generate(int symbols, int perSymbol) {
        Random random = new Random(42);
        List<List<AcceptedBar>> batches = new ArrayList<>();
        for (int s = 0; s < symbols; s++) {
            String symbol = String.format("%06d", 10 + s);
            long price = 1_000 + random.nextInt(200_000) / 5 * 5;
            List<AcceptedBar> bars = new ArrayList<>(perSymbol);
            for (int m = 0; m < perSymbol; m++) {
                long open = price;
                long close = Math.max(5, open + (random.nextInt(21) - 10) * 5L);
                long high = Math.max(open, close) + random.nextInt(4) * 5L;
                long low = Math.max(5, Math.min(open, close) - random.nextInt(4) * 5L);
                long volume = 100 + random.nextInt(50_000);
                bars.add(new AcceptedBar(new Bar(OPEN.plusSeconds(60L * m), symbol, BigDecimal.valueOf(open),
                        BigDecimal.valueOf(high), BigDecimal.valueOf(low), BigDecimal.valueOf(close), volume,
                        BigDecimal.valueOf(close * volume)), List.of()));
                price = close;
            }
            batches.add(bars);
        }
        return batches;
    }

    /** The whole data set as one COPY text stream, built before the clock starts: the database's part only. */
    static byte[] copyText(List<List<AcceptedBar>> batches) {
        StringBuilder text = new StringBuilder();
        for (List<AcceptedBar> batch : batches) {
            for (AcceptedBar a : batch) {
                Bar b = a.bar();
                text.append(b.timestamp()).append('\t').append(b.symbol()).append('\t')
                        .append(b.open().toPlainString()).append('\t').append(b.high().toPlainString()).append('\t')
                        .append(b.low().toPlainString()).append('\t').append(b.close().toPlainString()).append('\t')
                        .append(b.volume()).append('\t').append(b.value().toPlainString()).append('\n');
            }
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static void rawCopy(PGSimpleDataSource source, byte[] text) throws Exception {
        try (Connection c = source.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY market_data_1min (\"timestamp\", symbol, open, high, "
                    + "low, close, volume, \"value\") FROM STDIN", new ByteArrayInputStream(text));
        }
    }

    static void viaLoader(PGSimpleDataSource source, BarUpserter loader, List<List<AcceptedBar>> batches,
            long expectChanged, long expectUnchanged) throws Exception {
        long changed = 0;
        long unchanged = 0;
        try (Connection c = source.getConnection()) {
            StagingTables.createAll(c); // what the loader's pool does for each new connection
            c.setAutoCommit(false);
            for (List<AcceptedBar> batch : batches) {
                UpsertCounts counts = loader.upsert(c, MarketTable.ONE_MINUTE, batch.get(0).bar().symbol(), batch);
                c.commit();
                changed += counts.changed();
                unchanged += counts.unchanged();
            }
        }
        if (changed != expectChanged || unchanged != expectUnchanged) {
            throw new IllegalStateException("counts " + changed + "/" + unchanged);
        }
    }

    /**
     * The staging step alone, all batches in ONE transaction so that the per-commit WAL flush (the same for every
     * variant) does not hide what COPY itself costs: text vs binary, a reused temp table vs one created and dropped
     * per batch.
     */
    static void stagingOnly(List<List<AcceptedBar>> batches, boolean binary, boolean perBatch) throws Exception {
        String columns = "(\"timestamp\", open, high, low, close, volume, \"value\")";
        String create = "CREATE TEMP TABLE staging_variant (\"timestamp\" TIMESTAMPTZ NOT NULL, open NUMERIC(15, 2) NOT NULL, "
                + "high NUMERIC(15, 2) NOT NULL, low NUMERIC(15, 2) NOT NULL, close NUMERIC(15, 2) NOT NULL, "
                + "volume BIGINT NOT NULL, \"value\" NUMERIC(20, 2)) ON COMMIT DROP";
        List<byte[]> payloads = new ArrayList<>();
        for (List<AcceptedBar> batch : batches) {
            List<Bar> bars = batch.stream().map(AcceptedBar::bar).toList();
            payloads.add(binary ? CopyBinary.of(MarketTable.ONE_MINUTE, bars) : PostgresText.copyRows(MarketTable.ONE_MINUTE, bars));
        }
        String copy = "COPY staging_variant " + columns + " FROM STDIN" + (binary ? " (FORMAT binary)" : "");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            if (!perBatch) {
                s.execute(create);
            }
            for (byte[] payload : payloads) {
                if (perBatch) {
                    s.execute(create);
                }
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new ByteArrayInputStream(payload));
                if (perBatch) {
                    s.execute("DROP TABLE staging_variant");
                }
            }
            c.commit();
        }
    }

    /** As the loader under concurrent deliveries: batches dealt round-robin to {@code sessions} connections. */
    static void viaLoaderInParallel(BarUpserter loader, List<List<AcceptedBar>> batches, int sessions)
            throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < sessions; t++) {
            List<List<AcceptedBar>> share = new ArrayList<>();
            for (int i = t; i < batches.size(); i += sessions) {
                share.add(batches.get(i));
            }
            Thread thread = new Thread(() -> {
                try (Connection c = ds.getConnection()) {
                    StagingTables.createAll(c);
                    c.setAutoCommit(false);
                    for (List<AcceptedBar> batch : share) {
                        loader.upsert(c, MarketTable.ONE_MINUTE, batch.get(0).bar().symbol(), batch);
                        c.commit();
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    static void jdbcBatch(List<List<AcceptedBar>> batches) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(JDBC_UPSERT)) {
            c.setAutoCommit(false);
            for (List<AcceptedBar> batch : batches) {
                for (AcceptedBar a : batch) {
                    bind(s, a.bar());
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            }
        }
    }

    static void rowByRow(List<List<AcceptedBar>> batches) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(JDBC_UPSERT)) {
            c.setAutoCommit(false);
            for (List<AcceptedBar> batch : batches) {
                for (AcceptedBar a : batch) {
                    bind(s, a.bar());
                    s.executeUpdate();
                }
                c.commit();
            }
        }
    }

    static void bind(PreparedStatement s, Bar b) throws SQLException {
        s.setObject(1, OffsetDateTime.ofInstant(b.timestamp(), ZoneOffset.UTC));
        s.setString(2, b.symbol());
        s.setBigDecimal(3, b.open());
        s.setBigDecimal(4, b.high());
        s.setBigDecimal(5, b.low());
        s.setBigDecimal(6, b.close());
        s.setLong(7, b.volume());
        s.setBigDecimal(8, b.value());
    }

    /**
     * Bars in PostgreSQL's binary {@code COPY} format, in the column order of the loader's staging COPY. Binary
     * spares the server parsing text into timestamps and numerics, which is most of what COPY costs it per row
     * (docs/BENCHMARKS.md). Encodings as in PostgreSQL's {@code *_recv} functions: {@code timestamptz} as microseconds
     * since 2000-01-01 UTC, {@code date} as days since then, {@code numeric} as base-10000 digits with weight, sign
     * and display scale.
     */
    static final class CopyBinary {

        private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
        private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
        private static final LocalDate POSTGRES_EPOCH_DATE = LocalDate.of(2000, 1, 1);
        private static final BigInteger NBASE = BigInteger.valueOf(10_000);
        private static final int NUMERIC_NEG = 0x4000;

        private CopyBinary() {
        }

        static byte[] of(MarketTable table, Collection<Bar> bars) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(19 + bars.size() * 120);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.write(SIGNATURE);
                out.writeInt(0); // flags: no OIDs
                out.writeInt(0); // no header extension
                for (Bar bar : bars) {
                    out.writeShort(table.isDaily() ? 8 : 7);
                    if (table.isDaily()) {
                        out.writeInt(4);
                        out.writeInt((int) ChronoUnit.DAYS.between(POSTGRES_EPOCH_DATE,
                                BarUpserter.tradingDate(bar.timestamp())));
                    } else {
                        out.writeInt(8);
                        out.writeLong(ChronoUnit.MICROS.between(POSTGRES_EPOCH, bar.timestamp()));
                    }
                    numeric(out, bar.open());
                    numeric(out, bar.high());
                    numeric(out, bar.low());
                    numeric(out, bar.close());
                    out.writeInt(8);
                    out.writeLong(bar.volume());
                    numeric(out, bar.value());
                    if (table.isDaily()) {
                        numeric(out, bar.close()); // no corporate-action source yet: the adjusted close is the close
                    }
                }
                out.writeShort(-1);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // writing to memory does not fail
            }
            return bytes.toByteArray();
        }

        /** PostgreSQL {@code numeric_send}: ndigits, weight, sign, dscale, then the base-10000 digits. */
        static void numeric(DataOutputStream out, BigDecimal value) throws IOException {
            if (value == null) {
                out.writeInt(-1);
                return;
            }
            int dscale = Math.max(0, value.scale());
            // scale up to whole base-10000 fraction digits, so the unscaled value splits into digit groups exactly
            int fractionGroups = (dscale + 3) / 4;
            BigInteger unscaled = value.abs().setScale(fractionGroups * 4).unscaledValue();
            short[] digits = new short[unscaled.bitLength() / 13 + 2];
            int n = 0;
            while (unscaled.signum() > 0) {
                BigInteger[] qr = unscaled.divideAndRemainder(NBASE);
                digits[n++] = qr[1].shortValue();
                unscaled = qr[0];
            }
            // digits[0] is the least significant group; weight = index of the most significant group before the point
            int weight = n - 1 - fractionGroups;
            int low = 0;
            while (low < n && digits[low] == 0) {
                low++; // trailing zero groups are not sent
            }
            int count = n - low;
            out.writeInt(8 + 2 * count);
            out.writeShort(count);
            out.writeShort(count == 0 ? 0 : weight);
            out.writeShort(value.signum() < 0 ? NUMERIC_NEG : 0);
            out.writeShort(dscale);
            for (int i = n - 1; i >= low; i--) {
                out.writeShort(digits[i]);
            }
        }
    }
}
