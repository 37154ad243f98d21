package dev.marketpipe.archive.integrity;

import dev.marketpipe.archive.ArchiveFixture;
import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.index.BatchDescription;
import dev.marketpipe.archive.intake.CsvCopies;
import dev.marketpipe.archive.index.BatchMarker;
import dev.marketpipe.archive.store.ArchiveKey;
import dev.marketpipe.testsupport.MovableClock;
import dev.marketpipe.wire.CollectedBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Integrity of one archive day: each way a file can differ from what was archived, and what is not a fault. */
class IntegrityCheckTest {

    private static final LocalDate MARCH_4 = LocalDate.of(2025, 3, 4);
    private static final Instant NOW = Instant.parse("2025-04-01T00:00:00Z");

    @TempDir
    Path tmp;

    private final MovableClock clock = new MovableClock(NOW);
    private ArchiveFixture archive;
    private IntegrityCheck integrity;

    @BeforeEach
    void setUp() throws IOException {
        archive = new ArchiveFixture(tmp.resolve("archive"), clock);
        integrity = new IntegrityCheck(archive.store, archive.index, Duration.ofDays(365), clock);
    }

    @Test
    void untouchedDayIsAllOk() throws IOException {
        String a = archiveOne("005930");
        String b = archiveOne("000660");

        IntegrityReport report = integrity.check(MARCH_4);

        assertEquals(Set.of(a, b), Set.copyOf(report.ok()));
        assertEquals(new IntegrityReport.Counts(2, 2, 0, 0, 0, 0, 0, 0), report.counts());
    }

    @Test
    void flippedByteIsCorruptDeletedFileIsMissingGzippedFileIsOk() throws IOException {
        String intact = archiveOne("INTACT");
        String flipped = archiveOne("FLIP");
        String deleted = archiveOne("GONE");
        String gzipped = archiveOne("GZ");
        flipOneByte(flipped);
        Files.delete(file(deleted));
        archive.store.replace(gzipped + ".gz", gzip(archive.store.read(gzipped))); // what retention does
        archive.store.delete(gzipped);

        IntegrityReport report = integrity.check(MARCH_4);

        assertEquals(List.of(intact), report.ok());
        assertEquals(List.of(gzipped), report.compressedOk());
        assertEquals(1, report.corrupt().size());
        IntegrityReport.Finding corrupt = report.corrupt().get(0);
        assertEquals(flipped, corrupt.archiveRef());
        assertNotEquals(corrupt.expectedSha256(), corrupt.actualSha256());
        assertEquals(List.of(deleted), report.missing().stream().map(IntegrityReport.Finding::archiveRef).toList());
        assertTrue(report.expired().isEmpty(), "a month-old day is within retention: missing is a loss");
        assertTrue(report.orphans().isEmpty(), "the .gz belongs to its batch");
        assertEquals(new IntegrityReport.Counts(4, 1, 1, 1, 0, 1, 0, 0), report.counts());
    }

    @Test
    void damagedGzipFileIsCorrupt() throws IOException {
        String ref = archiveOne("GZBAD");
        byte[] gz = gzip(archive.store.read(ref));
        gz[gz.length / 2] ^= 0x5A;
        archive.store.replace(ref + ".gz", gz);
        archive.store.delete(ref);

        IntegrityReport report = integrity.check(MARCH_4);

        assertEquals(List.of(ref), report.corrupt().stream().map(IntegrityReport.Finding::archiveRef).toList());
        assertTrue(report.compressedOk().isEmpty());
    }

    @Test
    void fileGoneFromADayOlderThanRetentionIsExpiredNotMissing() throws IOException {
        String ref = archiveOne("OLD");
        archive.store.delete(ref);
        clock.advance(Duration.ofDays(400));

        IntegrityReport report = integrity.check(MARCH_4);

        assertEquals(List.of(ref), report.expired().stream().map(IntegrityReport.Finding::archiveRef).toList());
        assertTrue(report.missing().isEmpty());
        assertTrue(report.corrupt().isEmpty());
    }

    @Test
    void filesTheIndexDoesNotKnowAreOrphansAndUnfinishedIntakesArePending() throws IOException {
        String known = archiveOne("KNOWN");
        archive.store.replace(CsvCopies.csvRef(known), "timestamp,symbol\n".getBytes()); // its CSV copy belongs to it
        archive.store.replace("raw/2025/03/04/stray.csv", "timestamp,symbol\n".getBytes());
        CollectedBatch crashed = TestBatches.batch(UUID.randomUUID(), "CRASH", "2025-03-04T00:00:00Z");
        ArchiveKey key = ArchiveKey.of(crashed);
        archive.index.reserve(BatchMarker.pending(crashed.batchId(), key, BatchDescription.of(crashed), NOW));
        String crashedFile = archive.store.put(key, archive.format.render(crashed)).archiveRef();
        archive.store.replace("raw/2025/03/04/stray.json", "{}".getBytes());

        IntegrityReport report = integrity.check(MARCH_4);

        assertEquals(List.of(crashedFile, "raw/2025/03/04/stray.csv", "raw/2025/03/04/stray.json"), report.orphans());
        assertEquals(List.of(crashed.batchId()), report.pendingIntake());
        assertEquals(1, report.ok().size());
        assertEquals(2, report.counts().indexed());
    }

    @Test
    void dayWithoutBatchesIsAnEmptyReport() throws IOException {
        IntegrityReport report = integrity.check(LocalDate.of(2025, 1, 1));

        assertEquals(new IntegrityReport.Counts(0, 0, 0, 0, 0, 0, 0, 0), report.counts());
    }

    private String archiveOne(String symbol) throws IOException {
        return archive.archive(TestBatches.batch(UUID.randomUUID(), symbol, "2025-03-04T00:00:00Z"));
    }

    private Path file(String ref) {
        return archive.root.path().resolve(ref);
    }

    private void flipOneByte(String ref) throws IOException {
        byte[] bytes = Files.readAllBytes(file(ref));
        bytes[bytes.length - 10] ^= 0x01;
        Files.write(file(ref), bytes);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
