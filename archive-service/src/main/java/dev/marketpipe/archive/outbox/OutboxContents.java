package dev.marketpipe.archive.outbox;

import java.util.Set;
import java.util.UUID;

/**
 * The batch ids in the outbox folders of every replica sharing the archive root, read at one time.
 *
 * @param queued batches whose entries wait to be forwarded
 * @param dead   batches the validator refused for good
 */
public record OutboxContents(Set<UUID> queued, Set<UUID> dead) {
}
