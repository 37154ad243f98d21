package dev.marketpipe.archive.backup;

import dev.marketpipe.archive.TestArchiveTree;
import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.store.ArchiveDay;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.FaultInjectingStore;
import dev.marketpipe.archive.store.Gzip;
import dev.marketpipe.archive.store.filesystem.FilesystemArchiveStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.marketpipe.archive.backup.DayCopy.Direction.BACKUP;
import static dev.marketpipe.archive.backup.DayCopy.Direction.RESTORE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backup and restore of one archive day between two filesystem stores. */
class DayCopyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);
    private static final ArchiveDay ARCHIVE_DAY = new ArchiveDay(DAY);

    @TempDir
    Path tmp;

    private ArchiveRoot liveRoot;
    private ArchiveRoot backupRoot;
    private FilesystemArchiveStore live;
    private FilesystemArchiveStore backup;
    private List<String> refs;

    @BeforeEach
    void setUp() throws IOException {
        liveRoot = root("live");
        backupRoot = root("backup");
        live = new FilesystemArchiveStore(liveRoot, new EnvelopeFormat(TestBatches.mapper()));
        backup = new FilesystemArchiveStore(backupRoot, new EnvelopeFormat(TestBatches.mapper()));
        refs = new ArrayList<>();
        for (int minute = 0; minute < 5; minute++) {
            refs.add(TestArchiveTree.put(live, "market_data", "005930", "1m", DAY, minute));
        }
        refs.add(TestArchiveTree.put(live, "market_data", "005930", "1d", DAY, 0));
        refs.add(TestArchiveTree.put(live, "account_info", null, "1m", DAY, 0));
        String compressed = TestArchiveTree.put(live, "orderbook", "005930", "1m", DAY, 0);
        live.replace(compressed + ".gz", Gzip.compress(live.read(compressed)));
        live.delete(compressed);
        refs.add(compressed + ".gz");
        TestArchiveTree.put(live, "market_data", "005930", "1m", DAY.plusDays(1), 0); // another day: not copied
    }

    @Test
    void backupAndRestoreOfADayRoundTripBitIdentically() throws IOException {
        Map<String, String> original = day(liveRoot);

        DayCopyReport backedUp = new DayCopy(live, backup, BACKUP).copy(ARCHIVE_DAY);
        assertEquals(original, day(backupRoot), "the backup holds the same files, byte for byte");
        deleteDay(liveRoot);

        DayCopyReport restored = new DayCopy(backup, live, RESTORE).copy(ARCHIVE_DAY);

        assertEquals(original, day(liveRoot), "every file is back, byte for byte");
        for (String ref : refs) {
            assertArrayEquals(backup.read(ref), live.read(ref), ref);
        }
        assertEquals(refs.size(), backedUp.copied());
        assertEquals(refs.size(), restored.copied());
        assertTrue(backedUp.complete() && restored.complete());
    }

    @Test
    void aSecondBackupSkipsIdenticalCopiesAndWritesNothing() throws IOException {
        new DayCopy(live, backup, BACKUP).copy(ARCHIVE_DAY);
        FaultInjectingStore watched = new FaultInjectingStore(backup);

        DayCopyReport again = new DayCopy(live, watched, BACKUP).copy(ARCHIVE_DAY);

        assertEquals(0, again.copied());
        assertEquals(refs.size(), again.present());
        assertEquals(0, watched.changes());
    }

    @Test
    void aCopyDamagedOnTheWayIsDetectedAndWrittenOnceMore() throws IOException {
        FaultInjectingStore flaky = new FaultInjectingStore(backup).corruptNextWrites(1);

        DayCopyReport report = new DayCopy(live, flaky, BACKUP).copy(ARCHIVE_DAY);

        assertEquals(1, report.retried());
        assertTrue(report.complete());
        assertEquals(day(liveRoot), day(backupRoot));
    }

    @Test
    void aCopyThatStillDoesNotVerifyAfterTheRetryIsReported() throws IOException {
        FaultInjectingStore broken = new FaultInjectingStore(backup).corruptNextWrites(2);

        DayCopyReport report = new DayCopy(live, broken, BACKUP).copy(ARCHIVE_DAY);

        String firstListed = refs.stream().sorted().findFirst().orElseThrow();
        assertEquals(List.of(firstListed), report.failed());
        assertFalse(report.complete());
        assertEquals(refs.size() - 1, report.copied());
    }

    @Test
    void aBackupCopyDamagedAtRestIsNeitherRestoredNorLeftDamaged() throws IOException {
        new DayCopy(live, backup, BACKUP).copy(ARCHIVE_DAY);
        String damaged = refs.get(2);
        flipAByteInTheRawResponse(backupRoot.path().resolve(damaged));
        String damagedGz = refs.get(refs.size() - 1);
        Path gz = backupRoot.path().resolve(damagedGz);
        Files.write(gz, Arrays.copyOf(Files.readAllBytes(gz), 20));
        live.delete(damaged);
        live.delete(damagedGz);

        DayCopyReport restore = new DayCopy(backup, live, RESTORE).copy(ARCHIVE_DAY);

        assertEquals(List.of(damaged, damagedGz).stream().sorted().toList(),
                restore.corruptSource().stream().sorted().toList());
        assertFalse(Files.exists(liveRoot.path().resolve(damaged)), "a damaged copy never reaches the archive");
        assertFalse(restore.complete());

        // the next backup finds that its copies differ from the live files that still exist, and replaces them
        TestArchiveTree.put(live, "market_data", "005930", "1m", DAY, 59); // the day goes on: a new file
        flipAByteInTheRawResponse(backupRoot.path().resolve(refs.get(3)));
        DayCopyReport repair = new DayCopy(live, backup, BACKUP).copy(ARCHIVE_DAY);
        assertEquals(1, repair.repaired());
        assertArrayEquals(live.read(refs.get(3)), backup.read(refs.get(3)));
    }

    @Test
    void restoreReplacesADamagedLiveFileButLeavesAnIntactDifferentOneAlone() throws IOException {
        new DayCopy(live, backup, BACKUP).copy(ARCHIVE_DAY);
        byte[] good = live.read(refs.get(0));
        flipAByteInTheRawResponse(liveRoot.path().resolve(refs.get(0)));
        byte[] otherEnvelope = TestArchiveTree.envelope("000660", "1m", DAY);
        live.replace(refs.get(1), otherEnvelope);

        DayCopyReport restore = new DayCopy(backup, live, RESTORE).copy(ARCHIVE_DAY);

        assertArrayEquals(good, live.read(refs.get(0)), "the damaged live file was repaired from the backup");
        assertEquals(1, restore.repaired());
        assertEquals(List.of(refs.get(1)), restore.conflicts());
        assertArrayEquals(otherEnvelope, live.read(refs.get(1)), "an intact live file is never overwritten");
    }

    @Test
    void anEnvelopeRetentionCompressedSinceTheBackupCountsAsPresent() throws IOException {
        new DayCopy(live, backup, BACKUP).copy(ARCHIVE_DAY);
        String plain = refs.get(0);
        live.replace(plain + ArchiveStore.GZIP_SUFFIX, Gzip.compress(live.read(plain)));
        live.delete(plain);
        Map<String, String> before = day(liveRoot);

        DayCopyReport restore = new DayCopy(backup, live, RESTORE).copy(ARCHIVE_DAY);

        assertEquals(before, day(liveRoot), "no plain copy next to the gzipped one");
        assertEquals(refs.size(), restore.present());
    }

    @Test
    void envelopeCheckTellsIntactFromDamaged() throws IOException {
        byte[] envelope = live.read(refs.get(0));
        assertEquals(EnvelopeCheck.Verdict.INTACT, EnvelopeCheck.of("raw/x.json", envelope));
        assertEquals(EnvelopeCheck.Verdict.INTACT, EnvelopeCheck.of("raw/x.json.gz", Gzip.compress(envelope)));
        String text = new String(envelope, StandardCharsets.UTF_8);
        assertEquals(EnvelopeCheck.Verdict.CORRUPT,
                EnvelopeCheck.of("raw/x.json", text.replace("75200.50", "75200.51").getBytes(StandardCharsets.UTF_8)));
        assertEquals(EnvelopeCheck.Verdict.CORRUPT,
                EnvelopeCheck.of("raw/x.json", Arrays.copyOf(envelope, envelope.length - 1)));
        assertEquals(EnvelopeCheck.Verdict.CORRUPT, EnvelopeCheck.of("raw/x.json.gz", envelope));
        assertEquals(EnvelopeCheck.Verdict.UNVERIFIABLE, EnvelopeCheck.of("raw/x.csv", "a,b\n1,2\n".getBytes()));
    }

    private static void flipAByteInTheRawResponse(Path file) throws IOException {
        String text = Files.readString(file);
        String damaged = text.replace("\"volume\":1500000", "\"volume\":1500001");
        assertNotEquals(text, damaged);
        Files.writeString(file, damaged);
    }

    private Map<String, String> day(ArchiveRoot root) throws IOException {
        return TestArchiveTree.snapshot(root.path().resolve(ARCHIVE_DAY.prefix()));
    }

    private void deleteDay(ArchiveRoot root) throws IOException {
        for (String ref : refs) {
            Files.delete(root.path().resolve(ref));
        }
        assertTrue(day(root).isEmpty());
    }

    private ArchiveRoot root(String name) throws IOException {
        ArchiveRoot root = new ArchiveRoot(tmp.resolve(name));
        root.createLayout();
        return root;
    }
}
