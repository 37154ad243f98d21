package dev.marketpipe.archive.retention;

import dev.marketpipe.archive.TestArchiveTree;
import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.FaultInjectingStore.SimulatedCrash;
import dev.marketpipe.archive.store.FaultInjectingStore;
import dev.marketpipe.archive.store.Gzip;
import dev.marketpipe.archive.store.filesystem.FilesystemArchiveStore;
import dev.marketpipe.calendar.MarketCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Archive retention on a tree of real envelopes with old dates, against the filesystem store and a fixed clock. */
class RetentionJobTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    /** 12:00 KST on {@link #TODAY}. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T03:00:00Z"), MarketCalendar.KRX_ZONE);
    private static final RetentionPolicy POLICY = new RetentionPolicy(30, 365);
    private static final CriticalData DAILY_BARS = CriticalData.of(Optional.of(List.of("market_data:1d")));

    @TempDir
    Path tmp;

    /** What each envelope of the tree should be after retention. */
    private enum Outcome { PLAIN, GZIPPED, GONE }

    /** The tree: every envelope's ref → its original bytes and the outcome the retention policy asks for. */
    private record Tree(ArchiveRoot root, FilesystemArchiveStore store, Map<String, byte[]> originals,
                        Map<String, Outcome> expected) {
    }

    @Test
    void compressesDeletesAndKeepsExactlyWhatThePolicySays() throws IOException {
        Tree tree = tree(tmp.resolve("a"));

        RetentionReport report = job(tree.store()).run(false);

        assertTreeIsAsExpected(tree);
        assertEquals(6, report.compressed().files());
        assertEquals(4, report.deleted().files());
        assertEquals(2, report.keptCritical().files());
        assertEquals(1, report.unrecognized());
        assertEquals(List.of(), report.errors());
        assertEquals(List.of(), report.conflicts());
        assertEquals(tree.expected().entrySet().stream().filter(e -> e.getValue() == Outcome.GONE)
                .map(e -> e.getKey()).sorted().toList(), report.deleted().refs().stream()
                .map(r -> r.replace(ArchiveStore.GZIP_SUFFIX, "")).sorted().toList());
    }

    @Test
    void dryRunChangesNothingAndReportsWhatARealRunDoes() throws IOException {
        Tree tree = tree(tmp.resolve("a"));
        Map<String, String> before = TestArchiveTree.snapshot(tree.root().path());

        RetentionReport dry = job(tree.store()).run(true);

        assertEquals(before, TestArchiveTree.snapshot(tree.root().path()), "not one byte changed");
        RetentionReport real = job(tree.store()).run(false);
        assertTrue(dry.dryRun());
        assertEquals(real.compressed(), dry.compressed());
        assertEquals(real.gzipBytes(), dry.gzipBytes());
        assertEquals(real.deleted(), dry.deleted());
        assertEquals(real.keptCritical(), dry.keptCritical());
        assertTreeIsAsExpected(tree);
    }

    @Test
    void aRunKilledBeforeAnyOfItsChangesConvergesOnTheNextRun() throws IOException {
        Tree reference = tree(tmp.resolve("reference"));
        FaultInjectingStore counting = new FaultInjectingStore(reference.store());
        job(counting).run(false);
        Map<String, String> converged = TestArchiveTree.snapshot(reference.root().raw());
        int changes = counting.changes();
        assertEquals(6 * 2 + 4, changes, "a replace and a delete per compression, a delete per deletion");

        for (int crashAt = 1; crashAt <= changes; crashAt++) {
            Tree tree = tree(tmp.resolve("crash-" + crashAt));
            FaultInjectingStore dying = new FaultInjectingStore(tree.store()).crashBeforeChange(crashAt);
            assertThrows(SimulatedCrash.class, () -> job(dying).run(false));

            RetentionReport rerun = job(tree.store()).run(false); // a fresh process after the restart

            assertEquals(converged, TestArchiveTree.snapshot(tree.root().raw()), "after a crash at change " + crashAt);
            assertEquals(List.of(), rerun.errors());
            assertEquals(List.of(), rerun.conflicts());
        }
    }

    @Test
    void aCompleteGzipNextToItsEnvelopeIsKeptAndTheEnvelopeDeleted() throws IOException {
        ArchiveRoot root = root(tmp);
        FilesystemArchiveStore store = new FilesystemArchiveStore(root, format());
        String ref = TestArchiveTree.put(store, "market_data", "005930", "1m", TODAY.minusDays(40), 0);
        byte[] original = store.read(ref);
        store.replace(ref + ".gz", Gzip.compress(original)); // the run that wrote it was killed here
        byte[] gz = store.read(ref + ".gz");

        job(store).run(false);

        assertThrows(NoSuchFileException.class, () -> store.read(ref));
        assertArrayEquals(gz, store.read(ref + ".gz"));
    }

    @Test
    void aTruncatedGzipIsNeverTrustedAndIsWrittenAgainFromTheEnvelope() throws IOException {
        ArchiveRoot root = root(tmp);
        FilesystemArchiveStore store = new FilesystemArchiveStore(root, format());
        String ref = TestArchiveTree.put(store, "market_data", "005930", "1m", TODAY.minusDays(40), 0);
        byte[] original = store.read(ref);
        byte[] gz = Gzip.compress(original);
        store.replace(ref + ".gz", Arrays.copyOf(gz, gz.length / 2));

        RetentionReport report = job(store).run(false);

        assertThrows(NoSuchFileException.class, () -> store.read(ref));
        assertArrayEquals(original, Gzip.decompress(store.read(ref + ".gz")).orElseThrow());
        assertEquals(1, report.compressed().files());
    }

    @Test
    void aDifferentEnvelopeUnderTheGzipNameIsAConflictAndBothAreKept() throws IOException {
        ArchiveRoot root = root(tmp);
        FilesystemArchiveStore store = new FilesystemArchiveStore(root, format());
        String ref = TestArchiveTree.put(store, "market_data", "005930", "1m", TODAY.minusDays(40), 0);
        byte[] other = TestArchiveTree.envelope("000660", "1m", TODAY.minusDays(40));
        store.replace(ref + ".gz", Gzip.compress(other));
        Map<String, String> before = TestArchiveTree.snapshot(root.path());

        RetentionReport report = job(store).run(false);

        assertEquals(List.of(ref), report.conflicts());
        assertEquals(before, TestArchiveTree.snapshot(root.path()));
    }

    @Test
    void ageIsCountedFromTheKrxDateNotTheUtcDate() throws IOException {
        ArchiveRoot root = root(tmp);
        FilesystemArchiveStore store = new FilesystemArchiveStore(root, format());
        // 2026-06-15 00:30 KST is still 2026-06-14 in UTC: the file is 31 KST days old, 30 UTC days
        Clock justAfterMidnightKst = Clock.fixed(Instant.parse("2026-06-14T15:30:00Z"), MarketCalendar.KRX_ZONE);
        String ref = TestArchiveTree.put(store, "market_data", "005930", "1m", LocalDate.of(2026, 5, 15), 0);

        new RetentionJob(store, POLICY, DAILY_BARS, Optional.empty(), justAfterMidnightKst).run(false);

        assertTrue(store.readEnvelope(ref).isPresent());
        assertThrows(NoSuchFileException.class, () -> store.read(ref));
    }

    @Test
    void daysLeftWithOnlyCriticalFilesAreNotReadAgainWhileUnchanged() throws IOException {
        Tree tree = tree(tmp.resolve("a"));
        FaultInjectingStore counting = new FaultInjectingStore(tree.store());
        RetentionJob job = job(counting);
        RetentionReport first = job.run(false);
        int readsOfFirstRun = counting.reads();

        RetentionReport second = job.run(false);

        assertTrue(readsOfFirstRun > 0);
        assertEquals(readsOfFirstRun, counting.reads(), "the second run read nothing");
        assertEquals(first.keptCritical().files(), second.keptCritical().files());
        assertEquals(0, second.compressed().files() + second.deleted().files());
    }

    @Test
    void criticalRulesNameAKnownDataTypeAndOptionallyAnInterval() {
        assertEquals(new CriticalRule(dev.marketpipe.wire.DataType.ORDERBOOK, Optional.empty()),
                CriticalRule.parse(" orderbook "));
        assertTrue(CriticalRule.parse("market_data:1d").matchesName("market_data_005930_20250304_000000.json"));
        assertFalse(CriticalRule.parse("orders").matchesName("orderbook_005930_20250304_090010.json"));
        IllegalArgumentException unknownInterval = assertThrows(IllegalArgumentException.class,
                () -> CriticalRule.parse("market_data:1h"));
        assertTrue(unknownInterval.getMessage().contains("marketpipe.archive.retention.critical"));
        assertThrows(IllegalArgumentException.class, () -> CriticalRule.parse("quotes"));
    }

    @Test
    void aRuleWithoutIntervalKeepsEveryFileOfItsDataType() throws IOException {
        ArchiveRoot root = root(tmp);
        FilesystemArchiveStore store = new FilesystemArchiveStore(root, format());
        String account = TestArchiveTree.put(store, "account_info", null, "1m", TODAY.minusDays(500), 0);
        String bars = TestArchiveTree.put(store, "market_data", "005930", "1m", TODAY.minusDays(500), 0);
        CriticalData accounts = CriticalData.of(Optional.of(List.of("account_info")));

        new RetentionJob(store, POLICY, accounts, Optional.empty(), CLOCK).run(false);

        assertTrue(store.readEnvelope(account).isPresent());
        assertTrue(store.readEnvelope(bars).isEmpty());
    }

    @Test
    void logFilesOlderThanTheLimitAreDeletedAndADryRunKeepsThem() throws IOException {
        Path logs = Files.createDirectories(tmp.resolve("logs/rotated"));
        Path old = write(logs.resolve("archive.log.2026-01-01"), 120);
        Path recent = write(tmp.resolve("logs/archive.log"), 1);
        Path edge = write(tmp.resolve("logs/archive.log.2026-03-18"), 89);
        FilesystemArchiveStore store = new FilesystemArchiveStore(root(tmp), format());
        LogFolder folder = new LogFolder(tmp.resolve("logs"), 90);

        RetentionReport dry = new RetentionJob(store, POLICY, DAILY_BARS, Optional.of(folder), CLOCK).run(true);
        assertTrue(Files.exists(old));
        RetentionReport real = new RetentionJob(store, POLICY, DAILY_BARS, Optional.of(folder), CLOCK).run(false);

        assertEquals(List.of(old.toAbsolutePath().toString()), dry.logsDeleted().refs());
        assertEquals(dry.logsDeleted(), real.logsDeleted());
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent));
        assertTrue(Files.exists(edge));
    }

    private Path write(Path file, int daysOld) throws IOException {
        Files.writeString(file, "log line\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(CLOCK.instant().minus(Duration.ofDays(daysOld))));
        return file;
    }

    private static RetentionJob job(ArchiveStore store) {
        return new RetentionJob(store, POLICY, DAILY_BARS, Optional.empty(), CLOCK);
    }

    /** Builds the tree every test above reasons about; each line says what the retention policy wants done with the file. */
    private static Tree tree(Path dir) throws IOException {
        ArchiveRoot root = root(dir);
        FilesystemArchiveStore store = new FilesystemArchiveStore(root, format());
        Map<String, Outcome> expected = new TreeMap<>();
        expected.put(put(store, "market_data", "005930", "1m", 5, false), Outcome.PLAIN);    // young
        expected.put(put(store, "market_data", "005930", "1m", 30, false), Outcome.PLAIN);   // exactly 30 days
        expected.put(put(store, "market_data", "005930", "1m", 31, false), Outcome.GZIPPED); // 31 days
        expected.put(put(store, "market_data", "005930", "1m", 100, false), Outcome.GZIPPED);
        expected.put(put(store, "market_data", "000660", "1d", 100, false), Outcome.GZIPPED);
        expected.put(put(store, "orderbook", "005930", "1m", 100, false), Outcome.GZIPPED);
        expected.put(put(store, "account_info", null, "1m", 100, false), Outcome.GZIPPED);
        expected.put(put(store, "market_data", "005930", "1m", 365, true), Outcome.GZIPPED);  // exactly a year
        expected.put(put(store, "market_data", "005930", "1m", 366, true), Outcome.GONE);
        expected.put(put(store, "market_data", "005930", "1m", 400, false), Outcome.GONE);   // missed compression
        expected.put(put(store, "market_data", "005930", "1d", 400, false), Outcome.GZIPPED); // critical
        expected.put(put(store, "market_data", "000660", "1d", 400, true), Outcome.GZIPPED);  // critical
        expected.put(put(store, "orderbook", "005930", "1m", 400, false), Outcome.GONE);
        expected.put(put(store, "account_info", null, "1m", 400, true), Outcome.GONE);
        Files.writeString(root.raw().resolve("README.txt"), "not in a day folder: left alone");
        Map<String, byte[]> originals = new TreeMap<>();
        for (String ref : expected.keySet()) {
            originals.put(ref, store.readEnvelope(ref).orElseThrow());
        }
        return new Tree(root, store, originals, expected);
    }

    /** One envelope {@code daysOld} days before today, gzipped already when {@code compressed}; its ref. */
    private static String put(ArchiveStore store, String dataType, String symbol, String interval, int daysOld,
                              boolean compressed) throws IOException {
        String ref = TestArchiveTree.put(store, dataType, symbol, interval, TODAY.minusDays(daysOld), 0);
        if (compressed) {
            store.replace(ref + ".gz", Gzip.compress(store.read(ref)));
            store.delete(ref);
        }
        return ref;
    }

    private static void assertTreeIsAsExpected(Tree tree) throws IOException {
        Map<String, String> files = TestArchiveTree.snapshot(tree.root().raw()).keySet().stream()
                .collect(Collectors.toMap(f -> "raw/" + f, f -> f, (a, b) -> a, TreeMap::new));
        Map<String, String> expectedFiles = new TreeMap<>();
        expectedFiles.put("raw/README.txt", "README.txt");
        for (Map.Entry<String, Outcome> e : tree.expected().entrySet()) {
            String ref = e.getKey();
            switch (e.getValue()) {
                case PLAIN -> {
                    assertArrayEquals(tree.originals().get(ref), tree.store().read(ref), ref);
                    expectedFiles.put(ref, "");
                }
                case GZIPPED -> {
                    assertArrayEquals(tree.originals().get(ref),
                            Gzip.decompress(tree.store().read(ref + ".gz")).orElseThrow(), ref);
                    expectedFiles.put(ref + ".gz", "");
                }
                case GONE -> assertTrue(tree.store().readEnvelope(ref).isEmpty(), ref + " deleted");
            }
        }
        assertEquals(expectedFiles.keySet(), files.keySet(), "exactly these files, nothing else");
    }

    private static ArchiveRoot root(Path dir) throws IOException {
        ArchiveRoot root = new ArchiveRoot(dir.resolve("archive"));
        root.createLayout();
        return root;
    }

    private static EnvelopeFormat format() {
        return new EnvelopeFormat(TestBatches.mapper());
    }

    @Test
    void aCsvCopyIsCriticalExactlyWhenItsEnvelopeIs() throws IOException {
        FilesystemArchiveStore store = new FilesystemArchiveStore(root(tmp), format());
        LocalDate day = LocalDate.of(2024, 1, 3);
        String daily = TestArchiveTree.put(store, "market_data", "005930", "1d", day, 0);
        String minute = TestArchiveTree.put(store, "market_data", "005930", "1m", day, 1);
        String dailyCsv = daily.replace(".json", ".csv");
        String minuteCsv = minute.replace(".json", ".csv");
        store.replace(dailyCsv, "timestamp,symbol\n".getBytes());
        store.replace(minuteCsv, "timestamp,symbol\n".getBytes());

        assertTrue(DAILY_BARS.isCritical(dailyCsv, store), "the CSV of a daily bar is kept with its envelope");
        assertFalse(DAILY_BARS.isCritical(minuteCsv, store), "the CSV of a 1-minute bar goes with its envelope");
    }
}
