package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/**
 * The archive's answer to {@code POST /v1/batches}: the batch is durable at {@code archiveRef}.
 *
 * @param duplicate true when this batch id had already been archived (nothing was written again)
 */
@RegisterForReflection
public record ArchiveReceipt(UUID batchId, String archiveRef, String sha256, long bytes, boolean duplicate) {
}
