package dev.marketpipe.archive.disk;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file operations the archive's durability rests on (architecture invariant 1, "archive first"): data is
 * written to a temp file in the target folder, forced to the device, and only then made visible under its final
 * name; the folder is forced too, so the new name itself survives a crash.
 */
public final class DurableFiles {

    private static final Logger LOG = Logger.getLogger(DurableFiles.class);

    /** Prefix of temp files; readers of a folder skip names starting with it. */
    public static final String TEMP_PREFIX = ".tmp-";

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("windows");

    private DurableFiles() {
    }

    /** Writes {@code bytes} to a new temp file in {@code dir} and forces it to the device. */
    public static Path writeTemp(Path dir, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(dir, TEMP_PREFIX, ".part");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /**
     * Replaces (or creates) {@code target} with {@code bytes} so that a reader sees either the old or the new
     * content, never a part: temp file, fsync, atomic rename, fsync of the folder.
     */
    public static void replace(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        Path temp = writeTemp(dir, bytes);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        forceDirectory(dir);
    }

    /** Moves a file within one file system atomically and forces both folders. */
    public static void move(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(target.getParent());
        if (!source.getParent().equals(target.getParent())) {
            forceDirectory(source.getParent());
        }
    }

    /** Deletes a file and forces its folder, so the deletion is not undone by a crash. */
    public static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        forceDirectory(file.getParent());
    }

    /**
     * Creates {@code dir} and any missing parents up to {@code base}, forcing each parent whose entries changed:
     * a file fsynced inside a folder whose own name was never made durable can still vanish in a crash.
     */
    public static void createDirectories(Path base, Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null && !dir.equals(base)) {
            createDirectories(base, parent);
        }
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return; // created concurrently by another request
        }
        if (parent != null) {
            forceDirectory(parent);
        }
    }

    /** Forces a folder's entries (new, renamed, deleted names) to the device. */
    public static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a folder as a channel; Linux and macOS can.
            if (WINDOWS) {
                LOG.debugf("folder fsync not supported for %s: %s", dir, e.getMessage());
                return;
            }
            throw e;
        }
    }
}
