package dev.marketpipe.archive.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the outbox folders of every replica sharing the archive root together: which batches wait anywhere, which
 * were refused anywhere. {@code GET /v1/batches} derives its states from this, and the intake asks it whether an
 * interrupted attempt on any replica already queued a batch.
 *
 * <p>Entries move while they are read — forwarded (deleted), refused (to {@code dead/}), adopted from a gone
 * replica — and an entry must never be missed because it moved, or its batch would look forwarded too early. The
 * folders are read in an order every move goes along: the single-replica layout first, then each replica's folder,
 * and in it {@code adopted/} (recursively), then the entries, then {@code dead/}. Every move goes from a folder read
 * earlier to one read later — except adopting a whole replica folder, which renames it away; a replica folder gone
 * by the end of its reading makes the whole reading start again.
 */
final class OutboxTree {

    /** Readings started again when replica folders keep vanishing (adoptions); then the last reading is answered. */
    private static final int ATTEMPTS = 3;

    private final OutboxLayout layout;

    OutboxTree(OutboxLayout layout) {
        this.layout = layout;
    }

    OutboxContents read() throws IOException {
        Reading reading = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            reading = new Reading();
            if (reading.readAll()) {
                break;
            }
        }
        return new OutboxContents(reading.queued, reading.dead);
    }

    private final class Reading {

        final Set<UUID> queued = new HashSet<>();
        final Set<UUID> dead = new HashSet<>();

        /** False when a replica folder vanished meanwhile. */
        boolean readAll() throws IOException {
            entries(layout.root(), queued);
            entries(layout.legacyDead(), dead);
            boolean complete = true;
            for (Path replica : layout.replicaFolders()) {
                replicaFolder(replica);
                complete &= Files.isDirectory(replica);
            }
            return complete;
        }

        private void replicaFolder(Path folder) throws IOException {
            for (Path adopted : OutboxLayout.adoptedFolders(folder)) {
                replicaFolder(adopted);
            }
            entries(folder, queued);
            entries(folder.resolve(OutboxLayout.DEAD), dead);
        }

        private void entries(Path folder, Set<UUID> into) throws IOException {
            for (Path file : OutboxLayout.children(folder)) {
                OutboxEntry.parse(file.getFileName().toString()).ifPresent(e -> into.add(e.batchId()));
            }
        }
    }
}
