package dev.marketpipe.archive.backup;

import dev.marketpipe.archive.envelope.Sha256;
import dev.marketpipe.archive.store.ArchiveDay;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.Gzip;
import dev.marketpipe.archive.store.StoredObject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies one archive day object by object from one {@link ArchiveStore} to another — the archive's backup and
 * restore. Every copy is verified by reading it back and comparing SHA-256; a mismatch is written and checked once
 * more, then reported. What the destination already holds identically is skipped, also when one side has the
 * envelope plain and the other gzipped by retention ({@code X} vs {@code X.gz} of the same bytes), so a copy can be
 * rerun at any time and only does what is missing.
 *
 * <p>A restore is more careful than a backup: a backup copy that fails its own checksum ({@link EnvelopeCheck}) is
 * never written into the live archive, and a live object that differs from the backup is replaced only when it is
 * itself damaged; an intact but different live object is reported as a conflict and left alone.
 */
final class DayCopy {

    /** Which way a copy goes; it decides how a difference at the destination is treated. */
    enum Direction { BACKUP, RESTORE }

    private static final Logger LOG = Logger.getLogger(DayCopy.class);
    private static final int ATTEMPTS = 2;

    private final ArchiveStore from;
    private final ArchiveStore to;
    private final Direction direction;

    DayCopy(ArchiveStore from, ArchiveStore to, Direction direction) {
        this.from = from;
        this.to = to;
        this.direction = direction;
    }

    DayCopyReport copy(ArchiveDay day) throws IOException {
        List<StoredObject> sources = from.list(day.prefix());
        Set<String> existing = to.list(day.prefix()).stream().map(StoredObject::ref).collect(Collectors.toSet());
        Tally tally = new Tally();
        for (StoredObject source : sources) {
            try {
                copyOne(source.ref(), existing, tally);
            } catch (NoSuchFileException gone) {
                tally.vanished++;
            } catch (IOException e) {
                LOG.errorf("copy of %s (%s) failed: %s", source.ref(), direction, e.getMessage());
                tally.failed.add(source.ref());
            }
        }
        return new DayCopyReport(day.date(), sources.size(), tally.copied, tally.present, tally.bytes,
                tally.retried, tally.repaired, tally.vanished, List.copyOf(tally.failed),
                List.copyOf(tally.corruptSource), List.copyOf(tally.conflicts));
    }

    private void copyOne(String ref, Set<String> existing, Tally tally) throws IOException {
        byte[] bytes = from.read(ref);
        if (direction == Direction.RESTORE && EnvelopeCheck.of(ref, bytes) == EnvelopeCheck.Verdict.CORRUPT) {
            LOG.errorf("backup copy of %s fails its own checksum; not restored", ref);
            tally.corruptSource.add(ref);
            return;
        }
        boolean repair = false;
        if (existing.contains(ref)) {
            Optional<byte[]> there = readIfPresent(to, ref);
            if (there.isPresent() && Arrays.equals(there.get(), bytes)) {
                tally.present++;
                return;
            }
            if (there.isPresent() && direction == Direction.RESTORE
                    && EnvelopeCheck.of(ref, there.get()) != EnvelopeCheck.Verdict.CORRUPT) {
                LOG.errorf("live %s is intact but differs from its backup copy; left alone, resolve by hand", ref);
                tally.conflicts.add(ref);
                return;
            }
            repair = there.isPresent();
        } else if (heldAsSibling(ref, bytes, existing)) {
            tally.present++;
            return;
        }
        if (repair) {
            LOG.warnf("%s differs from its source (damaged %s copy); replacing it", ref,
                    direction == Direction.BACKUP ? "backup" : "live");
        }
        write(ref, bytes, repair, tally);
    }

    /** Writes and verifies, a second time if the first copy does not read back identically. */
    private void write(String ref, byte[] bytes, boolean repair, Tally tally) {
        String expected = Sha256.hex(bytes);
        String problem = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                to.replace(ref, bytes);
                String actual = Sha256.hex(to.read(ref));
                if (actual.equals(expected)) {
                    tally.copied++;
                    tally.bytes += bytes.length;
                    tally.retried += attempt > 1 ? 1 : 0;
                    tally.repaired += repair ? 1 : 0;
                    return;
                }
                problem = "SHA-256 of the copy " + actual + " is not the source's " + expected;
            } catch (IOException e) {
                problem = e.getMessage();
            }
            LOG.warnf("copy of %s (%s) attempt %d failed: %s", ref, direction, attempt, problem);
        }
        LOG.errorf("copy of %s (%s) failed after %d attempts: %s", ref, direction, ATTEMPTS, problem);
        tally.failed.add(ref);
    }

    /** True when the destination holds the same envelope under the other name ({@code X} for {@code X.gz} or back). */
    private boolean heldAsSibling(String ref, byte[] bytes, Set<String> existing) throws IOException {
        boolean gz = ref.endsWith(ArchiveStore.GZIP_SUFFIX);
        String sibling = gz ? ref.substring(0, ref.length() - ArchiveStore.GZIP_SUFFIX.length())
                : ref + ArchiveStore.GZIP_SUFFIX;
        if (!existing.contains(sibling)) {
            return false;
        }
        Optional<byte[]> there = readIfPresent(to, sibling);
        if (there.isEmpty()) {
            return false;
        }
        Optional<byte[]> plainHere = gz ? Gzip.decompress(bytes) : Optional.of(bytes);
        Optional<byte[]> plainThere = gz ? there : Gzip.decompress(there.get());
        return plainHere.isPresent() && plainThere.isPresent() && Arrays.equals(plainHere.get(), plainThere.get());
    }

    private static Optional<byte[]> readIfPresent(ArchiveStore store, String ref) throws IOException {
        try {
            return Optional.of(store.read(ref));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }

    private static final class Tally {
        int copied;
        int present;
        long bytes;
        int retried;
        int repaired;
        int vanished;
        final List<String> failed = new ArrayList<>();
        final List<String> corruptSource = new ArrayList<>();
        final List<String> conflicts = new ArrayList<>();
    }
}
