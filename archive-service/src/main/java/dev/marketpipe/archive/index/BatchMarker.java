package dev.marketpipe.archive.index;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.marketpipe.archive.store.ArchiveKey;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * What the archive knows about one batch id: how far its intake got. Only {@link State#COMPLETE} means the batch
 * was acknowledged (201) — the envelope and the outbox entry are both durable. {@link BatchIndex} keeps the
 * {@code PENDING} marker (the reservation) in the batch's day and the {@code COMPLETE} one under its id.
 *
 * @param directory   folder of the envelope's archive key (reserved before anything is written)
 * @param baseName    base name of the envelope's archive key
 * @param archiveRef  where the envelope went; {@code null} while {@link State#PENDING}
 * @param sha256      SHA-256 of the envelope file; {@code null} while {@link State#PENDING}
 * @param bytes       size of the envelope file
 * @param updatedAt   when the marker was written; for a {@code COMPLETE} marker, when the batch was archived
 * @param description what the batch is
 */
@RegisterForReflection
public record BatchMarker(UUID batchId, State state, String directory, String baseName, String archiveRef,
                          String sha256, long bytes, Instant updatedAt, BatchDescription description) {

    /** The steps of an intake, in order. */
    public enum State {
        /** The archive key is reserved; the envelope and the outbox entry may or may not exist yet. */
        PENDING,
        /** Envelope and outbox entry are durable; the batch was (or may now be) acknowledged. */
        COMPLETE
    }

    public static BatchMarker pending(UUID batchId, ArchiveKey key, BatchDescription description, Instant now) {
        return new BatchMarker(batchId, State.PENDING, key.directory(), key.baseName(), null, null, 0, now,
                description);
    }

    public BatchMarker complete(String ref, String sha, long size, Instant now) {
        return new BatchMarker(batchId, State.COMPLETE, directory, baseName, ref, sha, size, now, description);
    }

    @JsonIgnore
    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    @JsonIgnore
    public ArchiveKey key() {
        return new ArchiveKey(directory, baseName);
    }
}
