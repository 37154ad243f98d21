package dev.marketpipe.collector.client;

import dev.marketpipe.wire.ArchiveReceipt;
import dev.marketpipe.wire.CollectedBatch;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.Function;

/** {@link ArchiveClient}s over a stand-in archive, for tests outside the client package. */
public final class ArchiveClients {

    private ArchiveClients() {
    }

    /** A client whose {@code POST /v1/batches} answers (or throws) what {@code archive} does. */
    public static ArchiveClient answering(Function<CollectedBatch, ArchiveReceipt> archive, MeterRegistry registry) {
        return new ArchiveClient(archive::apply, registry);
    }
}
