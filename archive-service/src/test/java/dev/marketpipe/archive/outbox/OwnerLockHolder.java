package dev.marketpipe.archive.outbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A replica reduced to its lock, run as a child process: file locks belong to a whole JVM, so a replica that is
 * alive in another process can only be simulated by another process. Prints {@code locked} once it holds the lock
 * of {@code <outboxRoot>/<replicaId>/.owner}, then holds it until killed or its stdin closes.
 */
public final class OwnerLockHolder {

    private OwnerLockHolder() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        try (OwnerLock lock = OwnerLock.acquire(root, root.resolve(args[1]), OutboxLayout.OWNER, Duration.ZERO)) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock
            }
        }
    }
}
