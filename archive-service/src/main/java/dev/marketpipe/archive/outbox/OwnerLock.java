package dev.marketpipe.archive.outbox;

import dev.marketpipe.archive.disk.DurableFiles;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An exclusive OS lock on one file ({@link FileChannel#lock}: {@code fcntl} locks, honoured across hosts on NFSv4
 * and local file systems), held for as long as a replica lives: a lock that can be taken means its holder is gone
 * — the kernel (or the NFS server, when the lease expires) drops the locks of a dead process.
 *
 * <p>A lock is on a file, not on a name: a holder whose file was renamed away (its folder adopted) or replaced holds
 * nothing anyone looks at. So a lock counts only while the name still leads to the locked file: the file's key
 * (device and inode) is read before opening and after locking, and must not change.
 *
 * <p>Locks belong to the whole JVM: a second lock on the same file from this process is refused
 * ({@link OverlappingFileLockException}), which is treated like a lock held by someone else.
 */
final class OwnerLock implements AutoCloseable {

    private static final long RETRY_MILLIS = 100;

    private final Path file;
    private final FileChannel channel;
    private final Object fileKey;

    private OwnerLock(Path file, FileChannel channel, Object fileKey) {
        this.file = file;
        this.channel = channel;
        this.fileKey = fileKey;
    }

    /**
     * Takes the lock on {@code file} if nobody holds it now. Empty when another process (or this one) holds it, or
     * the file is missing or was replaced meanwhile.
     */
    static Optional<OwnerLock> tryTake(Path file) throws IOException {
        Object before = fileKey(file);
        if (before == null) {
            return Optional.empty();
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                lock = null;
            }
            if (lock == null || !before.equals(fileKey(file))) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new OwnerLock(file, channel, before));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Like {@link #tryTake}, creating the file first if it does not exist. */
    static Optional<OwnerLock> createAndTryTake(Path file) throws IOException {
        try {
            Files.createFile(file);
            DurableFiles.forceDirectory(file.getParent());
        } catch (FileAlreadyExistsException exists) {
            // the usual case
        }
        return tryTake(file);
    }

    /**
     * Creates {@code folder} (below {@code base}) and its lock file {@code name}, and takes the lock, retrying up
     * to {@code wait} while someone else holds it: another replica checking whether this one is gone holds it for
     * a moment; a previous run of this replica on another node holds it until the NFS server expires its lease.
     */
    static OwnerLock acquire(Path base, Path folder, String name, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            DurableFiles.createDirectories(base, folder);
            Optional<OwnerLock> lock;
            try {
                lock = createAndTryTake(folder.resolve(name));
            } catch (NoSuchFileException renamedAway) {
                lock = Optional.empty(); // adopted between creating and locking it: create it again
            }
            if (lock.isPresent()) {
                return lock.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException(folder.resolve(name) + " is locked by another running process (or by"
                        + " another outbox of this process): is a second replica using the same replica id? Each"
                        + " replica needs its own marketpipe.archive.replica-id");
            }
            try {
                Thread.sleep(Math.min(RETRY_MILLIS, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the lock " + folder.resolve(name), e);
            }
        }
    }

    /** True while the lock is held and its name still leads to the locked file. */
    boolean isHeld() {
        try {
            return channel.isOpen() && Objects.equals(fileKey, fileKey(file));
        } catch (IOException e) {
            return false;
        }
    }

    Path file() {
        return file;
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The file's identity (device and inode on Unix), or null when it does not exist. */
    private static Object fileKey(Path file) throws IOException {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            return key == null ? file.toRealPath() : key; // no inode numbers: compare by name only
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
