package dev.marketpipe.archive.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.zip.GZIPInputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where envelopes are kept (local disk, or an S3-compatible bucket). One CDI bean per
 * implementation, named for its type ({@code @Named("filesystem")}), chosen by {@code marketpipe.archive.store}.
 *
 * <p>Every implementation must guarantee: {@link #put} returns only once the bytes are durable, and it never
 * replaces an existing envelope — a taken name gets the next suffix ({@code _2}, {@code _3}…).
 *
 * <p>Refs are paths relative to the archive root with {@code /} separators, always below {@code raw/}; a ref that
 * leaves {@code raw/} is refused with {@link IllegalArgumentException}. The maintenance operations (list, read,
 * replace, delete) serve retention, backup, integrity and replay; only retention and restore change objects, and
 * only through {@link #replace} (complete content or nothing) and {@link #delete}.
 */
public interface ArchiveStore {

    /** Stores a new envelope under the first free name of {@code key}. */
    StoredEnvelope put(ArchiveKey key, byte[] envelope) throws IOException;

    /**
     * Finds the envelope of {@code batchId} among the names of {@code key} — how a retried request finishes the
     * work of an attempt that crashed after publishing the file but before recording where it went.
     */
    Optional<StoredEnvelope> find(ArchiveKey key, UUID batchId) throws IOException;

    /** Every object whose ref starts with {@code prefix} (e.g. {@code raw/2025/03/04/}), recursively, sorted by ref. */
    List<StoredObject> list(String prefix) throws IOException;

    /** The bytes of the object at {@code ref}; {@link java.nio.file.NoSuchFileException} when there is none. */
    byte[] read(String ref) throws IOException;

    /** Durably creates or replaces the object at {@code ref}; a reader sees the old or the new content, never a part. */
    void replace(String ref, byte[] bytes) throws IOException;

    /** Durably deletes the object at {@code ref}; false when there was none. */
    boolean delete(String ref) throws IOException;

    /**
     * The original bytes of the envelope first stored at {@code ref}, wherever retention left it: at {@code ref}, or
     * gzipped at {@code ref + ".gz"} (retention compresses old envelopes in place under that name). Empty when
     * neither exists (deleted by retention, or lost).
     */
    default Optional<byte[]> readEnvelope(String ref) throws IOException {
        try {
            return Optional.of(read(ref));
        } catch (NoSuchFileException plain) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(read(ref + GZIP_SUFFIX)))) {
                return Optional.of(in.readAllBytes());
            } catch (NoSuchFileException compressed) {
                return Optional.empty();
            }
        }
    }

    /**
     * Throws when the store cannot be reached now (readiness asks this). The filesystem store is the archive root,
     * which readiness checks itself; a remote store asks its service.
     */
    default void probe() throws IOException {
    }

    /** What retention appends to the ref of an envelope it compressed. */
    String GZIP_SUFFIX = ".gz";
}
