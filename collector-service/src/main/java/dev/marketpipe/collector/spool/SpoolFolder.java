package dev.marketpipe.collector.spool;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The spool's files. A batch becomes visible only whole and only once it is on the device: temp file, fsync,
 * atomic rename, fsync of the folder (so the new name survives a crash too); deletions and moves to {@code dead/}
 * force the folder as well. What a crash can leave is a temp file, and {@link #open()} removes those.
 *
 * <pre>
 * {spool dir}/
 *   {seq}-{batchId}-{orderKey}.json   batches waiting for the archive (a CollectedBatch each), oldest first by name
 *   .tmp-*.part                       a write a crash interrupted; removed at start
 *   dead/                             batches the archive refused for good, kept for a person to look at
 * </pre>
 */
final class SpoolFolder {

    private static final Logger LOG = Logger.getLogger(SpoolFolder.class);

    static final String TEMP_PREFIX = ".tmp-";
    static final String DEAD = "dead";

    private final Path dir;

    SpoolFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    Path dead() {
        return dir.resolve(DEAD);
    }

    /** Creates the folders, removes temp files a crash left, and lists the waiting batches oldest first. */
    List<SpooledBatch> open() throws IOException {
        boolean created = !Files.isDirectory(dead());
        Files.createDirectories(dead());
        if (created) {
            force(dir);
            if (dir.getParent() != null) {
                force(dir.getParent());
            }
        }
        List<SpooledBatch> entries = new ArrayList<>();
        boolean removedTemps = false;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Files::isRegularFile)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(TEMP_PREFIX)) {
                    Files.deleteIfExists(file);
                    removedTemps = true;
                    LOG.infof("removed %s, a spool write a crash interrupted (its batch was never spooled)", name);
                    continue;
                }
                Optional<SpooledBatch> entry = SpooledBatch.parse(name, Files.getLastModifiedTime(file).toInstant());
                entry.ifPresentOrElse(entries::add,
                        () -> LOG.warnf("%s in the spool folder %s is not a spooled batch; left alone", name, dir));
            }
        }
        if (removedTemps) {
            force(dir);
        }
        entries.sort(Comparator.comparingLong(SpooledBatch::seq));
        return entries;
    }

    void write(SpooledBatch entry, byte[] content) throws IOException {
        Path temp = Files.createTempFile(dir, TEMP_PREFIX, ".part");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file(entry), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        force(dir);
    }

    byte[] read(SpooledBatch entry) throws IOException {
        return Files.readAllBytes(file(entry));
    }

    void delete(SpooledBatch entry) throws IOException {
        Files.deleteIfExists(file(entry));
        force(dir);
    }

    /** Moves the entry to {@code dead/}; returns where it now is. */
    Path bury(SpooledBatch entry) throws IOException {
        Path target = dead().resolve(entry.fileName());
        Files.move(file(entry), target, StandardCopyOption.ATOMIC_MOVE);
        force(dead());
        force(dir);
        return target;
    }

    long deadCount() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dead(), Files::isRegularFile)) {
            long count = 0;
            for (Path ignored : files) {
                count++;
            }
            return count;
        }
    }

    long usableBytes() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    private Path file(SpooledBatch entry) {
        return dir.resolve(entry.fileName());
    }

    /** Forces a folder's entries (new, renamed, deleted names) to the device. */
    private static void force(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
