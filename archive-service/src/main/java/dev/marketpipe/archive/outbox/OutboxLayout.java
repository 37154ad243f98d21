package dev.marketpipe.archive.outbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders below {@code outbox/} when several replicas share one archive root (docs/CONTRACTS.md):
 *
 * <pre>
 * outbox/
 *   .adoption.lock            held while one replica adopts (one at a time)
 *   .legacy-migration         while the single-replica layout is being migrated: the replica holding its head
 *   &lt;replica-id&gt;/
 *     .owner                  locked by the replica for as long as it runs
 *     {millis}-{seq}-{batchId}[-{symbol}].json      entries waiting to be forwarded
 *     dead/                   entries the validator refused for good
 *     adopted/&lt;n&gt;-&lt;id&gt;/       a gone replica's folder, renamed here whole, being emptied into this one
 *   *.json, dead/             the single-replica layout of older versions, migrated at start
 * </pre>
 */
final class OutboxLayout {

    static final String DEAD = "dead";
    static final String ADOPTED = "adopted";
    static final String OWNER = ".owner";
    static final String ADOPTION_LOCK = ".adoption.lock";
    static final String LEGACY_MARKER = ".legacy-migration";

    private final Path root;

    OutboxLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path replica(ReplicaId id) {
        return root.resolve(id.value());
    }

    Path legacyDead() {
        return root.resolve(DEAD);
    }

    Path adoptionLock() {
        return root.resolve(ADOPTION_LOCK);
    }

    Path legacyMarker() {
        return root.resolve(LEGACY_MARKER);
    }

    /** Every replica's folder (its name a valid replica id), sorted by name. */
    List<Path> replicaFolders() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (Path child : children(root)) {
            if (ReplicaId.isValid(child.getFileName().toString()) && Files.isDirectory(child)) {
                folders.add(child);
            }
        }
        folders.sort(null);
        return folders;
    }

    /** The entries of the folder {@code adopted/} below a replica's folder, sorted by name; none when absent. */
    static List<Path> adoptedFolders(Path replicaFolder) throws IOException {
        List<Path> folders = new ArrayList<>();
        for (Path child : children(replicaFolder.resolve(ADOPTED))) {
            if (Files.isDirectory(child)) {
                folders.add(child);
            }
        }
        folders.sort(null);
        return folders;
    }

    /** The names in {@code folder}, in no particular order; none when it does not exist (any more). */
    static List<Path> children(Path folder) throws IOException {
        List<Path> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            files.forEach(names::add);
        } catch (NoSuchFileException | NotDirectoryException gone) {
            return List.of();
        }
        return names;
    }
}
