package dev.marketpipe.archive.store;

/**
 * One object in an {@link ArchiveStore}, as a listing shows it.
 *
 * @param ref   path relative to the archive root, {@code /} separated ({@code raw/2025/03/04/…json} or {@code …json.gz})
 * @param bytes size of the stored object
 */
public record StoredObject(String ref, long bytes) {
}
