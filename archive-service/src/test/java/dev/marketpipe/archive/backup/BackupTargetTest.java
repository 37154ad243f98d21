package dev.marketpipe.archive.backup;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backup target is chosen by one property, and a target that cannot work stops the service at start. */
class BackupTargetTest {

    private static final EnvelopeFormat FORMAT = new EnvelopeFormat(TestBatches.mapper());

    @TempDir
    Path tmp;

    @Test
    void filesystemTargetIsASecondFolderWithItsOwnRaw() {
        BackupTarget target = new BackupTarget("filesystem", tmp.resolve("backup"),
                new ArchiveRoot(tmp.resolve("live")), FORMAT);

        assertTrue(Files.isDirectory(tmp.resolve("backup/raw")));
        assertEquals("filesystem:" + tmp.resolve("backup").toAbsolutePath(), target.description());
    }

    @Test
    void theLiveRootIsNoBackup() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new BackupTarget(
                "filesystem", tmp.resolve("live/"), new ArchiveRoot(tmp.resolve("live")), FORMAT));
        assertTrue(e.getMessage().contains("marketpipe.archive.backup.root"));
    }

    @Test
    void s3AndUnknownTargetsAreClearStartUpErrors() {
        IllegalStateException s3 = assertThrows(IllegalStateException.class, () -> new BackupTarget(
                "s3", tmp.resolve("backup"), new ArchiveRoot(tmp.resolve("live")), FORMAT));
        assertTrue(s3.getMessage().contains("target=s3 is not available"));
        IllegalStateException typo = assertThrows(IllegalStateException.class, () -> new BackupTarget(
                "tape", tmp.resolve("backup"), new ArchiveRoot(tmp.resolve("live")), FORMAT));
        assertTrue(typo.getMessage().contains("unknown marketpipe.archive.backup.target 'tape'"));
    }
}
