package dev.marketpipe.archive;

import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.disk.FreeSpacePolicy;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.index.BatchIndex;
import dev.marketpipe.archive.intake.ArchiveIntake;
import dev.marketpipe.archive.metrics.ArchiveMetrics;
import dev.marketpipe.archive.outbox.ArchiveOutbox;
import dev.marketpipe.archive.outbox.ReplicaId;
import dev.marketpipe.archive.store.filesystem.FilesystemArchiveStore;
import dev.marketpipe.wire.CollectedBatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The archive's plain-Java parts on a temp folder, wired as {@code ArchiveComponents} wires them (no forwarder). */
public final class ArchiveFixture {

    public final ArchiveRoot root;
    public final EnvelopeFormat format;
    public final FilesystemArchiveStore store;
    public final BatchIndex index;
    public final ArchiveOutbox outbox;
    public final ArchiveIntake intake;

    public ArchiveFixture(Path folder, Clock clock) throws IOException {
        root = new ArchiveRoot(folder);
        root.createLayout();
        format = new EnvelopeFormat(TestBatches.mapper());
        store = new FilesystemArchiveStore(root, format);
        index = new BatchIndex(root.index(), TestBatches.mapper());
        outbox = new ArchiveOutbox(root.outbox(), ReplicaId.of("fixture"), TestBatches.mapper(), clock);
        outbox.open(Duration.ZERO);
        intake = new ArchiveIntake(store, index, outbox, format, new FreeSpacePolicy(root, 0),
                new ArchiveMetrics(new SimpleMeterRegistry()), clock);
    }

    /** Archives {@code batch} and answers its archive ref. */
    public String archive(CollectedBatch batch) throws IOException {
        return intake.accept(batch).receipt().archiveRef();
    }
}
