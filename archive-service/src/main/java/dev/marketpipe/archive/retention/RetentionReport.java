package dev.marketpipe.archive.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What one retention run did — or, in a dry run, would do (retention and compression). Sizes are bytes:
 * {@code compressed.bytes} counts the envelopes before compression, {@code gzipBytes} what their {@code .gz} take.
 *
 * @param today        the KRX date ages were counted from
 * @param unrecognized objects below {@code raw/} not in a {@code raw/YYYY/MM/DD/} folder, left alone
 * @param conflicts    envelopes with a {@code .gz} of different content next to them, both left alone (ERROR logged)
 * @param errors       what failed; the run went on with the next file and the next run tries again
 */
public record RetentionReport(boolean dryRun, LocalDate today, Instant startedAt, Instant finishedAt,
                              Tally compressed, long gzipBytes, Tally deleted, Tally keptCritical,
                              Tally logsDeleted, long unrecognized, List<String> conflicts, List<String> errors) {

    /** Most refs a tally or a list names; the counts are always complete. */
    public static final int LISTED_REFS = 100;

    /**
     * Files and bytes of one kind of action.
     *
     * @param refs the first {@value RetentionReport#LISTED_REFS} files, in the order they were handled
     */
    public record Tally(long files, long bytes, List<String> refs) {
    }

    /** Collects a run's outcome; not thread-safe (one run is one thread). */
    static final class Builder {
        private final boolean dryRun;
        private final LocalDate today;
        private final Instant startedAt;
        private final Counts compressed = new Counts();
        private final Counts deleted = new Counts();
        private final Counts keptCritical = new Counts();
        private final Counts logsDeleted = new Counts();
        private long gzipBytes;
        private long unrecognized;
        private final List<String> conflicts = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();

        Builder(boolean dryRun, LocalDate today, Instant startedAt) {
            this.dryRun = dryRun;
            this.today = today;
            this.startedAt = startedAt;
        }

        void compressed(String ref, long originalBytes, long gzipBytes) {
            compressed.add(ref, originalBytes);
            this.gzipBytes += gzipBytes;
        }

        void deleted(String ref, long bytes) {
            deleted.add(ref, bytes);
        }

        void keptCritical(String ref, long bytes) {
            keptCritical.add(ref, bytes);
        }

        void logDeleted(String path, long bytes) {
            logsDeleted.add(path, bytes);
        }

        void unrecognized() {
            unrecognized++;
        }

        void conflict(String ref) {
            addListed(conflicts, ref);
        }

        void error(String message) {
            addListed(errors, message);
        }

        RetentionReport build(Instant finishedAt) {
            return new RetentionReport(dryRun, today, startedAt, finishedAt, compressed.tally(), gzipBytes,
                    deleted.tally(), keptCritical.tally(), logsDeleted.tally(), unrecognized, List.copyOf(conflicts),
                    List.copyOf(errors));
        }

        private static void addListed(List<String> list, String item) {
            if (list.size() < LISTED_REFS) {
                list.add(item);
            }
        }

        private static final class Counts {
            private long files;
            private long bytes;
            private final List<String> refs = new ArrayList<>();

            void add(String ref, long size) {
                files++;
                bytes += size;
                addListed(refs, ref);
            }

            Tally tally() {
                return new Tally(files, bytes, List.copyOf(refs));
            }
        }
    }
}
