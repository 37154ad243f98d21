package dev.marketpipe.archive.outbox;

import dev.marketpipe.archive.disk.DurableFiles;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes over the outbox entries nobody forwards any more (several replicas on one archive root):
 * those of a replica that is gone — its {@code .owner} lock could be taken — and those of the single-replica layout
 * older versions kept directly in {@code outbox/}. Run at start and every
 * {@code marketpipe.archive.outbox.orphan-check-interval}; one replica at a time adopts ({@code .adoption.lock}).
 *
 * <p>Adopting replica {@code B} by {@code A}: holding {@code B}'s lock, {@code A} renames the whole folder to
 * {@code outbox/A/adopted/<millis>-B/} (one atomic rename: from then on it is {@code A}'s, under {@code A}'s lock)
 * and empties it into its own folder in {@code B}'s sequence order: {@code B}'s entries, then what {@code B} had
 * itself been adopting. Each entry gets {@code A}'s next sequence number ({@link ArchiveOutbox#takeOver}), so per
 * symbol the adopted entries follow {@code A}'s own and keep their order among themselves.
 *
 * <p>Crash safety: every step is one atomic rename, fsynced. If {@code A} dies half-way, the head of {@code B}'s
 * entries is in {@code A}'s folder and the rest in {@code A/adopted/…-B/}; whoever adopts {@code A} next (or
 * {@code A} itself after a restart) empties {@code A}'s own entries before its {@code adopted/} folders, so the
 * head still comes first. The single-replica layout cannot be renamed whole, so its migration names its holder in
 * {@code outbox/.legacy-migration} before the first entry moves; a later migration first adopts that holder if it
 * is gone (and leaves the migration to it while it lives).
 */
public final class OrphanAdoption {

    private static final Logger LOG = Logger.getLogger(OrphanAdoption.class);

    private final ArchiveOutbox outbox;
    private final OutboxLayout layout;
    private final Path own;

    public OrphanAdoption(ArchiveOutbox outbox) {
        this.outbox = outbox;
        this.layout = outbox.layout();
        this.own = outbox.folder();
    }

    /**
     * Adopts what is orphaned now; answers the number of entries moved into this replica's outbox. Does nothing
     * while another replica adopts.
     */
    public synchronized int run() throws IOException {
        if (outbox.isClosed()) {
            return 0;
        }
        outbox.ensureOwnership();
        Optional<OwnerLock> adopting = OwnerLock.createAndTryTake(layout.adoptionLock());
        if (adopting.isEmpty()) {
            LOG.debugf("outbox: another replica is adopting; looking again later");
            return 0;
        }
        try (OwnerLock held = adopting.get()) {
            int moved = 0;
            for (Path unfinished : OutboxLayout.adoptedFolders(own)) { // this replica died while adopting
                moved += empty(unfinished);
            }
            moved += migrateLegacyLayout();
            for (Path folder : layout.replicaFolders()) {
                if (!folder.equals(own)) {
                    Optional<OwnerLock> lock = OwnerLock.tryTake(folder.resolve(OutboxLayout.OWNER));
                    if (lock.isPresent()) {
                        moved += adopt(folder, lock.get());
                    }
                }
            }
            if (OutboxLayout.adoptedFolders(own).isEmpty()) {
                removeIfEmpty(own.resolve(OutboxLayout.ADOPTED));
            }
            return moved;
        }
    }

    /**
     * Renames a gone replica's folder below this one's {@code adopted/} and empties it; releases its lock. When the
     * gone replica held the head of the single-replica layout's migration, this one becomes its holder first.
     */
    private int adopt(Path folder, OwnerLock lock) throws IOException {
        Path target;
        try (lock) {
            Path marker = layout.legacyMarker();
            if (readMarker(marker).filter(folder.getFileName().toString()::equals).isPresent()) {
                writeMarker(marker);
            }
            Path adopted = own.resolve(OutboxLayout.ADOPTED);
            DurableFiles.createDirectories(layout.root(), adopted);
            String base = System.currentTimeMillis() + "-" + folder.getFileName();
            target = adopted.resolve(base);
            for (int n = 2; Files.exists(target); n++) {
                target = adopted.resolve(base + "-" + n);
            }
            DurableFiles.move(folder, target);
        }
        int moved = empty(target);
        LOG.infof("outbox: replica %s is gone (its lock was free); %d of its entries are forwarded by %s now",
                folder.getFileName(), moved, outbox.replica());
        return moved;
    }

    /**
     * Moves everything of an adopted folder into this outbox, in its order: its entries, its dead letters, then
     * the folders it was adopting itself; then removes it.
     */
    private int empty(Path folder) throws IOException {
        Files.deleteIfExists(folder.resolve(OutboxLayout.OWNER));
        int moved = takeAll(folder, false);
        Path dead = folder.resolve(OutboxLayout.DEAD);
        moved += takeAll(dead, true);
        for (Path nested : OutboxLayout.adoptedFolders(folder)) {
            moved += empty(nested);
        }
        removeIfEmpty(dead);
        removeIfEmpty(folder.resolve(OutboxLayout.ADOPTED));
        removeIfEmpty(folder);
        return moved;
    }

    /** Migrates the entries older versions kept directly in {@code outbox/} and {@code outbox/dead/}. */
    private int migrateLegacyLayout() throws IOException {
        int moved = 0;
        Path marker = layout.legacyMarker();
        Optional<String> holder = readMarker(marker);
        if (holder.isPresent() && !holder.get().equals(outbox.replica().value())
                && ReplicaId.isValid(holder.get())) {
            Path folder = layout.replica(ReplicaId.of(holder.get()));
            if (Files.isDirectory(folder)) {
                Optional<OwnerLock> lock = OwnerLock.tryTake(folder.resolve(OutboxLayout.OWNER));
                if (lock.isEmpty()) {
                    return 0; // it lives and holds the head of the migration: it finishes the migration itself
                }
                moved += adopt(folder, lock.get());
            }
        }
        List<Path> entries = entries(layout.root());
        boolean deadFolder = Files.isDirectory(layout.legacyDead());
        if (!entries.isEmpty() || deadFolder) {
            writeMarker(marker);
            int before = moved;
            moved += takeAll(layout.root(), false);
            moved += takeAll(layout.legacyDead(), true);
            removeIfEmpty(layout.legacyDead());
            if (moved > before) {
                LOG.infof("outbox: %d entries of the single-replica layout (%s) moved to %s", moved - before,
                        layout.root(), own);
            }
        }
        if (Files.exists(marker)) {
            DurableFiles.delete(marker);
        }
        return moved;
    }

    /** Takes over the entries of {@code folder} in sequence order; removes temp files of interrupted writes. */
    private int takeAll(Path folder, boolean dead) throws IOException {
        List<Map.Entry<OutboxEntry, Path>> found = new ArrayList<>();
        for (Path file : OutboxLayout.children(folder)) {
            String name = file.getFileName().toString();
            if (name.startsWith(DurableFiles.TEMP_PREFIX)) {
                Files.deleteIfExists(file);
            } else if (Files.isRegularFile(file)) {
                OutboxEntry.parse(name).ifPresent(entry -> found.add(Map.entry(entry, file)));
            }
        }
        found.sort(Map.Entry.comparingByKey(OutboxEntry.ORDER));
        int moved = 0;
        for (Map.Entry<OutboxEntry, Path> entry : found) {
            try {
                outbox.takeOver(entry.getValue(), entry.getKey(), dead);
                moved++;
            } catch (NoSuchFileException gone) {
                // removed meanwhile (an older version still forwarding the single-replica layout acknowledged it)
            }
        }
        return moved;
    }

    private static List<Path> entries(Path folder) throws IOException {
        List<Path> entries = new ArrayList<>();
        for (Path file : OutboxLayout.children(folder)) {
            if (OutboxEntry.parse(file.getFileName().toString()).isPresent() && Files.isRegularFile(file)) {
                entries.add(file);
            }
        }
        return entries;
    }

    private static void removeIfEmpty(Path folder) throws IOException {
        try {
            Files.delete(folder);
            DurableFiles.forceDirectory(folder.getParent());
        } catch (NoSuchFileException gone) {
            // nothing to remove
        } catch (DirectoryNotEmptyException strays) {
            LOG.warnf("outbox: %s holds files that are not outbox entries; left in place", folder);
        }
    }

    private Optional<String> readMarker(Path marker) throws IOException {
        try {
            return Optional.of(Files.readString(marker, StandardCharsets.UTF_8).trim());
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
    }

    private void writeMarker(Path marker) throws IOException {
        DurableFiles.replace(marker, outbox.replica().value().getBytes(StandardCharsets.UTF_8));
    }
}
