package dev.marketpipe.archive.backup;

import dev.marketpipe.archive.TestArchiveTree;
import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.store.ArchiveDay;
import dev.marketpipe.archive.store.filesystem.FilesystemArchiveStore;
import dev.marketpipe.archive.store.s3.InProcessS3;
import dev.marketpipe.archive.store.s3.S3Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backup target is chosen by one property, and a target that cannot work stops the service at start. */
class BackupTargetTest {

    private static final EnvelopeFormat FORMAT = new EnvelopeFormat(TestBatches.mapper());
    /** Settings of an S3 target nobody configured: no bucket. */
    private static final S3Settings NO_S3 = InProcessS3.unconfigured();

    @TempDir
    Path tmp;

    @Test
    void filesystemTargetIsASecondFolderWithItsOwnRaw() {
        BackupTarget target = new BackupTarget("filesystem", tmp.resolve("backup"), NO_S3,
                new ArchiveRoot(tmp.resolve("live")), FORMAT);

        assertTrue(Files.isDirectory(tmp.resolve("backup/raw")));
        assertEquals("filesystem:" + tmp.resolve("backup").toAbsolutePath(), target.description());
    }

    @Test
    void theLiveRootIsNoBackup() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new BackupTarget(
                "filesystem", tmp.resolve("live/"), NO_S3, new ArchiveRoot(tmp.resolve("live")), FORMAT));
        assertTrue(e.getMessage().contains("marketpipe.archive.backup.root"));
    }

    @Test
    void s3TargetIsABucketThatBacksUpAndRestoresADayBitIdentically() throws Exception {
        try (InProcessS3 s3 = InProcessS3.start()) {
            String bucket = s3.newBucket();
            ArchiveRoot liveRoot = new ArchiveRoot(tmp.resolve("live"));
            liveRoot.createLayout();
            FilesystemArchiveStore live = new FilesystemArchiveStore(liveRoot, FORMAT);
            LocalDate day = LocalDate.of(2026, 3, 4);
            String ref = TestArchiveTree.put(live, "market_data", "005930", "1m", day, 0);
            byte[] original = live.read(ref);

            BackupTarget target = new BackupTarget("s3", tmp.resolve("unused"), s3.settings(bucket, "backup", true),
                    liveRoot, FORMAT);
            new DayCopy(live, target.store(), DayCopy.Direction.BACKUP).copy(new ArchiveDay(day));
            live.delete(ref);
            new DayCopy(target.store(), live, DayCopy.Direction.RESTORE).copy(new ArchiveDay(day));

            assertEquals("s3:" + bucket + "/backup", target.description());
            assertArrayEquals(original, live.read(ref));
            assertArrayEquals(original, target.store().read(ref));
        }
    }

    @Test
    void anS3TargetWithoutBucketAndUnknownTargetsAreClearStartUpErrors() {
        IllegalStateException s3 = assertThrows(IllegalStateException.class, () -> new BackupTarget(
                "s3", tmp.resolve("backup"), NO_S3, new ArchiveRoot(tmp.resolve("live")), FORMAT));
        assertTrue(s3.getMessage().contains("marketpipe.archive.backup.s3.bucket"), s3.getMessage());
        IllegalStateException typo = assertThrows(IllegalStateException.class, () -> new BackupTarget(
                "tape", tmp.resolve("backup"), NO_S3, new ArchiveRoot(tmp.resolve("live")), FORMAT));
        assertTrue(typo.getMessage().contains("unknown marketpipe.archive.backup.target 'tape'"));
    }
}
