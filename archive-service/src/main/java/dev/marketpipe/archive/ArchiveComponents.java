package dev.marketpipe.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.archive.client.ValidatorClient;
import dev.marketpipe.archive.config.ArchiveConfig;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.disk.FreeSpacePolicy;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.index.BatchIndex;
import dev.marketpipe.archive.metrics.ArchiveMetrics;
import dev.marketpipe.archive.outbox.ArchiveOutbox;
import dev.marketpipe.archive.outbox.ForwarderSettings;
import dev.marketpipe.archive.outbox.OrphanAdoption;
import dev.marketpipe.archive.outbox.OutboxForwarder;
import dev.marketpipe.archive.outbox.ReplicaId;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Builds the archive's plain-Java parts from configuration. They stay free of CDI so tests can build them on a
 * temp folder; this class is the only place that knows how they fit together.
 */
@Singleton
public class ArchiveComponents {

    @Produces
    @Singleton
    ArchiveRoot root(ArchiveConfig config) {
        ArchiveRoot root = new ArchiveRoot(Path.of(config.root()));
        try {
            root.createLayout();
        } catch (IOException e) {
            throw new UncheckedIOException("archive root " + root.path() + " is not usable (marketpipe.archive.root)", e);
        }
        return root;
    }

    @Produces
    @Singleton
    EnvelopeFormat envelopeFormat(ObjectMapper mapper) {
        return new EnvelopeFormat(mapper);
    }

    @Produces
    @Singleton
    BatchIndex batchIndex(ArchiveRoot root, ObjectMapper mapper) {
        return new BatchIndex(root.index(), mapper);
    }

    @Produces
    @Singleton
    FreeSpacePolicy freeSpace(ArchiveRoot root, ArchiveConfig config) {
        return new FreeSpacePolicy(root, config.minFreeSpaceMb() * 1024 * 1024);
    }

    @Produces
    @Singleton
    ArchiveOutbox outbox(ArchiveRoot root, ObjectMapper mapper, ArchiveConfig config) {
        ReplicaId replica = ReplicaId.resolve(config.replicaId(), System.getenv());
        ArchiveOutbox outbox = new ArchiveOutbox(root.outbox(), replica, mapper, Clock.systemUTC());
        try {
            outbox.open(config.outbox().ownerWait());
        } catch (IOException e) {
            throw new UncheckedIOException("outbox " + outbox.folder() + " cannot be opened", e);
        }
        return outbox;
    }

    @Produces
    @Singleton
    OrphanAdoption orphanAdoption(ArchiveOutbox outbox) {
        return new OrphanAdoption(outbox);
    }

    @Produces
    @Singleton
    OutboxForwarder forwarder(ArchiveOutbox outbox, ValidatorClient validator, ArchiveConfig config,
                              ArchiveMetrics metrics) {
        return new OutboxForwarder(outbox, validator, ForwarderSettings.of(config.outbox()), metrics,
                Clock.systemUTC());
    }
}
