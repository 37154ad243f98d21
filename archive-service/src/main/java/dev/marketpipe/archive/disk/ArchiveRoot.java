package dev.marketpipe.archive.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The archive's root folder and the fixed layout below it: {@code raw/} for envelopes, {@code outbox/}
 * for batches still to be forwarded (a folder per replica sharing the root, see {@code ArchiveOutbox}),
 * {@code index/} for the per-batch markers. Also
 * answers the two questions readiness and the 507 rule ask: is the folder writable, and how much space is left.
 */
public final class ArchiveRoot {

    private final Path root;

    public ArchiveRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path path() {
        return root;
    }

    public Path raw() {
        return root.resolve("raw");
    }

    public Path outbox() {
        return root.resolve("outbox");
    }

    public Path index() {
        return root.resolve("index");
    }

    /** Creates the layout (idempotent). */
    public void createLayout() throws IOException {
        Files.createDirectories(root);
        for (Path dir : new Path[] {raw(), outbox(), index()}) {
            DurableFiles.createDirectories(root, dir);
        }
        DurableFiles.forceDirectory(root);
    }

    /** Usable bytes on the file system holding the root. */
    public long usableBytes() throws IOException {
        return Files.getFileStore(root).getUsableSpace();
    }

    /**
     * True when a file can really be created and removed in the root: a permission check alone says nothing
     * about a read-only mount or a folder that vanished.
     */
    public boolean isWritable() {
        try {
            Path probe = Files.createTempFile(root, DurableFiles.TEMP_PREFIX + "probe-", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
