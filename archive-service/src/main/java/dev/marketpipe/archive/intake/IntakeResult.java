package dev.marketpipe.archive.intake;

import dev.marketpipe.wire.ArchiveReceipt;

/**
 * @param created true when this request made the batch durable (201); false when it already was (200)
 */
public record IntakeResult(ArchiveReceipt receipt, boolean created) {
}
