package dev.marketpipe.archive.integrity;

import dev.marketpipe.archive.config.IntegrityConfig;
import dev.marketpipe.archive.envelope.Sha256;
import dev.marketpipe.archive.index.BatchIndex;
import dev.marketpipe.archive.index.BatchMarker;
import dev.marketpipe.archive.index.DayKey;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.ConfiguredArchiveStore;
import dev.marketpipe.archive.store.StoredObject;
import dev.marketpipe.calendar.MarketCalendar;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.EOFException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipException;

/**
 * Re-reads every envelope of one archive day and compares it with the SHA-256 recorded when it was archived
 * (the verification the backups promise). Reads through {@link ArchiveStore#readEnvelope}, so an envelope that
 * retention gzipped is checked by its decompressed content.
 *
 * <p>Retention may delete old non-critical envelopes and leaves no trace of doing so; a missing envelope is
 * therefore reported as expired, not missing, once its whole day is older than {@code expiredAfter} (the age
 * from which retention may delete), and as missing before. Which data types retention keeps forever is
 * retention's rule, not repeated here: a critical file in the expired list deserves a look.
 */
@Singleton
public class IntegrityCheck {

    private static final String CSV = ".csv";

    private final ArchiveStore store;
    private final BatchIndex index;
    private final Duration expiredAfter;
    private final Clock clock;

    @Inject
    public IntegrityCheck(ConfiguredArchiveStore store, BatchIndex index, IntegrityConfig config) {
        this(store.get(), index, config.expiredAfter(), Clock.systemUTC());
    }

    public IntegrityCheck(ArchiveStore store, BatchIndex index, Duration expiredAfter, Clock clock) {
        this.store = store;
        this.index = index;
        this.expiredAfter = expiredAfter;
        this.clock = clock;
    }

    public IntegrityReport check(LocalDate date) throws IOException {
        Set<String> stored = new HashSet<>();
        for (StoredObject object : store.list("raw/" + DayKey.folder(date) + "/")) {
            stored.add(object.ref());
        }
        boolean retentionMayHaveDeleted = mayHaveExpired(date);
        List<String> ok = new ArrayList<>();
        List<String> compressedOk = new ArrayList<>();
        List<IntegrityReport.Finding> missing = new ArrayList<>();
        List<IntegrityReport.Finding> expired = new ArrayList<>();
        List<IntegrityReport.Finding> corrupt = new ArrayList<>();
        List<UUID> pending = new ArrayList<>();
        Set<String> known = new HashSet<>();
        List<DayKey> keys = index.day(date, null, null);
        for (DayKey key : keys) {
            Optional<BatchMarker> completion = index.find(key.batchId()).filter(BatchMarker::isComplete);
            if (completion.isEmpty()) {
                pending.add(key.batchId());
                continue;
            }
            BatchMarker archived = completion.get();
            String ref = archived.archiveRef();
            known.add(ref);
            Optional<byte[]> content;
            try {
                content = store.readEnvelope(ref);
            } catch (ZipException | EOFException damaged) {
                corrupt.add(finding(archived, null, "the gzip file cannot be decompressed: " + damaged.getMessage()));
                continue;
            }
            if (content.isEmpty()) {
                if (retentionMayHaveDeleted) {
                    expired.add(finding(archived, null, "gone; the day is older than " + expiredAfter
                            + ", so retention may have deleted it"));
                } else {
                    missing.add(finding(archived, null, "neither " + ref + " nor " + ref
                            + ArchiveStore.GZIP_SUFFIX + " exists"));
                }
                continue;
            }
            String actual = Sha256.hex(content.get());
            boolean compressed = !stored.contains(ref) && stored.contains(ref + ArchiveStore.GZIP_SUFFIX);
            if (!actual.equals(archived.sha256())) {
                corrupt.add(finding(archived, actual, compressed
                        ? "the decompressed content differs from what was archived"
                        : "the content differs from what was archived"));
            } else if (compressed) {
                compressedOk.add(ref);
            } else {
                ok.add(ref);
            }
        }
        List<String> orphans = stored.stream().filter(ref -> !belongsToAKnownEnvelope(ref, known)).sorted().toList();
        return new IntegrityReport(date, clock.instant(),
                new IntegrityReport.Counts(keys.size(), ok.size(), compressedOk.size(), missing.size(),
                        expired.size(), corrupt.size(), orphans.size(), pending.size()),
                ok, compressedOk, missing, expired, corrupt, orphans, pending);
    }

    /** True when every file of {@code date} is older than the age from which retention may delete. */
    private boolean mayHaveExpired(LocalDate date) {
        return date.plusDays(1).atStartOfDay(MarketCalendar.KRX_ZONE).toInstant().plus(expiredAfter)
                .isBefore(clock.instant());
    }

    private static IntegrityReport.Finding finding(BatchMarker archived, String actual, String problem) {
        return new IntegrityReport.Finding(archived.batchId(), archived.archiveRef(), archived.sha256(), actual,
                problem);
    }

    /** The envelope itself, its gzipped form, or the CSV copy of its bars (and that copy gzipped). */
    private static boolean belongsToAKnownEnvelope(String ref, Set<String> known) {
        String plain = ref.endsWith(ArchiveStore.GZIP_SUFFIX) ? withoutGzipSuffix(ref) : ref;
        return known.contains(plain)
                || plain.endsWith(CSV) && known.contains(plain.substring(0, plain.length() - CSV.length()) + ".json");
    }

    private static String withoutGzipSuffix(String ref) {
        return ref.substring(0, ref.length() - ArchiveStore.GZIP_SUFFIX.length());
    }
}
