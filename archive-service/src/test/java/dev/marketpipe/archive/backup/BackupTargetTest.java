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
        BackupTarget target = new BackupTarget(config("filesystem", tmp.resolve("backup")),
                new ArchiveRoot(tmp.resolve("live")), FORMAT);

        assertTrue(Files.isDirectory(tmp.resolve("backup/raw")));
        assertEquals("filesystem:" + tmp.resolve("backup").toAbsolutePath(), target.description());
    }

    @Test
    void theLiveRootIsNoBackup() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new BackupTarget(
                config("filesystem", tmp.resolve("live/")), new ArchiveRoot(tmp.resolve("live")), FORMAT));
        assertTrue(e.getMessage().contains("marketpipe.archive.backup.root"));
    }

    @Test
    void s3AndUnknownTargetsAreClearStartUpErrors() {
        IllegalStateException s3 = assertThrows(IllegalStateException.class, () -> new BackupTarget(
                config("s3", tmp.resolve("backup")), new ArchiveRoot(tmp.resolve("live")), FORMAT));
        assertTrue(s3.getMessage().contains("target=s3 is not available"));
        IllegalStateException typo = assertThrows(IllegalStateException.class, () -> new BackupTarget(
                config("tape", tmp.resolve("backup")), new ArchiveRoot(tmp.resolve("live")), FORMAT));
        assertTrue(typo.getMessage().contains("unknown marketpipe.archive.backup.target 'tape'"));
    }

    private static BackupConfig config(String target, Path root) {
        return new BackupConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String cron() {
                return "0 30 1 * * ?";
            }

            @Override
            public String target() {
                return target;
            }

            @Override
            public String root() {
                return root.toString();
            }

            @Override
            public int lookbackDays() {
                return 7;
            }
        };
    }
}
