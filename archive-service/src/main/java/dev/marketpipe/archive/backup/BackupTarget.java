package dev.marketpipe.archive.backup;

import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.disk.DurableFiles;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.filesystem.FilesystemArchiveStore;
import dev.marketpipe.archive.store.s3.S3ArchiveStore;
import dev.marketpipe.archive.store.s3.S3Settings;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The store backups go to (an S3-compatible bucket or a local backup drive), chosen by
 * {@code marketpipe.archive.backup.target}. It is an {@link ArchiveStore} like the live archive, so backup and
 * restore are the same object copy in two directions; adding a kind of target is one more branch here.
 */
@Singleton
public class BackupTarget {

    private final ArchiveStore store;
    private final String description;

    @Inject
    public BackupTarget(BackupConfig config, ArchiveRoot live, EnvelopeFormat format) {
        this(config.target(), Path.of(config.root()), config.s3(), live, format);
    }

    BackupTarget(String target, Path filesystemRoot, S3Settings s3, ArchiveRoot live, EnvelopeFormat format) {
        switch (target) {
            case "filesystem" -> {
                ArchiveRoot root = new ArchiveRoot(filesystemRoot);
                if (root.path().equals(live.path())) {
                    throw new IllegalStateException("marketpipe.archive.backup.root is the live archive's root ("
                            + live.path() + "); a backup needs another folder, ideally on another disk");
                }
                createRaw(root);
                this.store = new FilesystemArchiveStore(root, format);
                this.description = "filesystem:" + root.path();
            }
            case "s3" -> {
                String bucket = s3.bucket().orElseThrow(() -> new IllegalStateException(
                        "marketpipe.archive.backup.target=s3 needs marketpipe.archive.backup.s3.bucket"));
                // verified like the live store: a bucket that ignores conditional writes stops the start-up
                this.store = S3ArchiveStore.open(s3);
                this.description = "s3:" + bucket + "/" + s3.keyPrefix().orElse("");
            }
            default -> throw new IllegalStateException("unknown marketpipe.archive.backup.target '" + target
                    + "' (filesystem or s3)");
        }
    }

    public ArchiveStore store() {
        return store;
    }

    /** Where backups go, for reports and logs ({@code filesystem:/backup/archive}). */
    public String description() {
        return description;
    }

    private static void createRaw(ArchiveRoot root) {
        try {
            Files.createDirectories(root.path());
            DurableFiles.createDirectories(root.path(), root.raw());
        } catch (IOException e) {
            throw new UncheckedIOException("backup folder " + root.path()
                    + " is not usable (marketpipe.archive.backup.root)", e);
        }
    }
}
