package dev.marketpipe.archive.outbox;

import dev.marketpipe.wire.CollectedBatch;

import java.util.List;

/** Where the outbox forwards archived batches (the validator); says how one attempt went, never throws. */
@FunctionalInterface
public interface BatchSink {

    Delivery deliver(CollectedBatch batch);

    /**
     * Several batches (none, one or more) in one attempt, one {@link Delivery} per batch in the same order. This
     * default sends them one by one; a sink that can send a group in one request overrides it.
     */
    default List<Delivery> deliverAll(List<CollectedBatch> batches) {
        return batches.stream().map(this::deliver).toList();
    }
}
