package dev.marketpipe.archive.store.filesystem;

import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.disk.DurableFiles;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.envelope.Sha256;
import dev.marketpipe.archive.store.ArchiveKey;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.StoredEnvelope;
import dev.marketpipe.archive.store.StoredObject;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keeps envelopes as files below {@code <root>/raw/}.
 *
 * <p>Publishing never overwrites: the envelope is written to a temp file in the target folder and forced to the
 * device, then given its final name with a hard link ({@code link(2)} fails when the name exists, atomically, also
 * against other processes sharing the folder). A taken name — also one retention compressed to {@code name.gz} —
 * moves on to the next suffix. Then the temp name is
 * removed and the folder forced, so the new name survives a crash. The file system must support hard links
 * (local file systems and NFS do).
 */
@Singleton
@Named("filesystem")
@Unremovable
public class FilesystemArchiveStore implements ArchiveStore {

    /** More envelopes than this under one name means something is wrong upstream, not a reason to loop on. */
    static final int MAX_SUFFIX = 10_000;

    private final ArchiveRoot root;
    private final EnvelopeFormat format;

    @Inject
    public FilesystemArchiveStore(ArchiveRoot root, EnvelopeFormat format) {
        this.root = root;
        this.format = format;
    }

    @Override
    public StoredEnvelope put(ArchiveKey key, byte[] envelope) throws IOException {
        Path dir = resolve(key.directory());
        DurableFiles.createDirectories(root.path(), dir);
        Path temp = DurableFiles.writeTemp(dir, envelope);
        try {
            for (int n = 1; n <= MAX_SUFFIX; n++) {
                Path target = dir.resolve(key.fileName(n));
                if (Files.exists(target.resolveSibling(key.fileName(n) + GZIP_SUFFIX)) || Files.exists(target)) {
                    // cheap skip; the link below is what decides. A name retention compressed stays taken: the
                    // .gz is written before the plain file goes, so one of the two always exists (checked first)
                    continue;
                }
                try {
                    Files.createLink(target, temp);
                } catch (FileAlreadyExistsException taken) {
                    continue; // another batch got this name first
                }
                DurableFiles.delete(temp); // also forces the folder, making the new name durable
                return new StoredEnvelope(key.ref(n), Sha256.hex(envelope), envelope.length);
            }
            throw new IOException("more than " + MAX_SUFFIX + " envelopes named " + key.ref(1));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<StoredEnvelope> find(ArchiveKey key, UUID batchId) throws IOException {
        Path dir = resolve(key.directory());
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Map<Integer, Path> candidates = new TreeMap<>();
        try (DirectoryStream<Path> names = Files.newDirectoryStream(dir, key.baseName() + "*.json")) {
            for (Path file : names) {
                OptionalInt n = key.suffixOf(file.getFileName().toString());
                if (n.isPresent()) {
                    candidates.put(n.getAsInt(), file);
                }
            }
        }
        for (Map.Entry<Integer, Path> candidate : candidates.entrySet()) {
            Optional<UUID> id;
            try (InputStream in = Files.newInputStream(candidate.getValue())) {
                id = format.batchIdOf(in);
            }
            if (id.isPresent() && id.get().equals(batchId)) {
                byte[] bytes = Files.readAllBytes(candidate.getValue());
                return Optional.of(new StoredEnvelope(key.ref(candidate.getKey()), Sha256.hex(bytes), bytes.length));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        // the folder part of the prefix is walked; the rest filters names ("raw/2025/03/04/market_data_0059")
        String folder = prefix.substring(0, prefix.lastIndexOf('/') + 1);
        Path start = resolve(folder.isEmpty() ? "raw" : folder);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(start)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(DurableFiles.TEMP_PREFIX))
                    .map(f -> new StoredObject(refOf(f), size(f)))
                    .filter(o -> o.ref().startsWith(prefix))
                    .sorted(Comparator.comparing(StoredObject::ref))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public byte[] read(String ref) throws IOException {
        return Files.readAllBytes(resolve(ref));
    }

    @Override
    public void replace(String ref, byte[] bytes) throws IOException {
        Path file = resolve(ref);
        DurableFiles.createDirectories(root.path(), file.getParent());
        DurableFiles.replace(file, bytes);
    }

    @Override
    public boolean delete(String ref) throws IOException {
        Path file = resolve(ref);
        if (!Files.exists(file)) {
            return false;
        }
        DurableFiles.delete(file);
        return true;
    }

    private String refOf(Path file) {
        return root.path().relativize(file).toString().replace(File.separatorChar, '/');
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0; // deleted while listing (retention on another replica)
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path resolve(String relative) {
        Path dir = root.path().resolve(relative).normalize();
        if (!dir.startsWith(root.raw()) || relative.contains("\\")) {
            throw new IllegalArgumentException("archive key outside raw/: " + relative);
        }
        return dir;
    }
}
