package dev.marketpipe.archive.store;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Where envelopes are kept (spec §4 "Backup Location": local disk now, object storage later). One CDI bean per
 * implementation, named for its type ({@code @Named("filesystem")}), chosen by {@code marketpipe.archive.store}.
 *
 * <p>Every implementation must guarantee: {@link #put} returns only once the bytes are durable, and it never
 * replaces an existing envelope — a taken name gets the next suffix ({@code _2}, {@code _3}…).
 */
public interface ArchiveStore {

    /** Stores a new envelope under the first free name of {@code key}. */
    StoredEnvelope put(ArchiveKey key, byte[] envelope) throws IOException;

    /**
     * Finds the envelope of {@code batchId} among the names of {@code key} — how a retried request finishes the
     * work of an attempt that crashed after publishing the file but before recording where it went.
     */
    Optional<StoredEnvelope> find(ArchiveKey key, UUID batchId) throws IOException;
}
