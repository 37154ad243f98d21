package dev.marketpipe.collector.client;

import dev.marketpipe.wire.ArchiveReceipt;
import dev.marketpipe.wire.CollectedBatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** An {@link ArchiveClient} whose every attempt throws an {@link Error}: what no retry or backoff may swallow. */
public class BrokenArchiveClient extends ArchiveClient {

    public BrokenArchiveClient() {
        super(null, new SimpleMeterRegistry());
    }

    @Override
    public ArchiveReceipt shipOnce(CollectedBatch batch) {
        throw new AssertionError("a broken archive client (test)");
    }
}
