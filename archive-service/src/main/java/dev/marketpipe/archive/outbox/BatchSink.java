package dev.marketpipe.archive.outbox;

import dev.marketpipe.wire.CollectedBatch;

/** Where the outbox forwards archived batches (the validator); says how one attempt went, never throws. */
@FunctionalInterface
public interface BatchSink {

    Delivery deliver(CollectedBatch batch);
}
