package dev.marketpipe.archive.retention;

import dev.marketpipe.archive.envelope.Sha256;
import dev.marketpipe.archive.retention.RetentionPolicy.Stage;
import dev.marketpipe.archive.store.ArchiveDay;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.Gzip;
import dev.marketpipe.archive.store.StoredObject;
import dev.marketpipe.calendar.MarketCalendar;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One pass of the archive's retention over an {@link ArchiveStore}: gzip old envelopes, delete expired ones unless
 * critical, delete old logs. Ages come from the trading date in each ref and the injected clock (Asia/Seoul).
 *
 * <p>Crash safety: an envelope {@code X} is compressed by writing {@code X.gz} = gzip(X) with
 * {@link ArchiveStore#replace} (atomic and durable), reading it back and comparing, and only then deleting
 * {@code X}. A run killed at any point leaves either {@code X}, or {@code X} and a complete {@code X.gz}, or
 * {@code X.gz}; the next run finishes the job. An existing {@code X.gz} is never trusted blindly: if it is not a
 * complete gzip stream it is written again from {@code X}; if it holds a different envelope both are kept and the
 * conflict is reported. Every step tolerates another replica doing the same work at the same time.
 *
 * <p>A dry run reads and computes everything a real run would, and changes nothing.
 */
public final class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final ArchiveStore store;
    private final RetentionPolicy policy;
    private final CriticalData critical;
    private final Optional<LogFolder> logs;
    private final Clock clock;

    /**
     * Expired days whose remaining objects were all proven critical, with a fingerprint of that listing: a later
     * run skips such a day while its listing is unchanged instead of reading every kept file again.
     */
    private final Map<LocalDate, String> settledDays = new ConcurrentHashMap<>();

    RetentionJob(ArchiveStore store, RetentionPolicy policy, CriticalData critical, Optional<LogFolder> logs,
                 Clock clock) {
        this.store = store;
        this.policy = policy;
        this.critical = critical;
        this.logs = logs;
        this.clock = clock;
    }

    public RetentionReport run(boolean dryRun) throws IOException {
        Instant started = clock.instant();
        LocalDate today = started.atZone(MarketCalendar.KRX_ZONE).toLocalDate();
        RetentionReport.Builder report = new RetentionReport.Builder(dryRun, today, started);
        Map<LocalDate, List<StoredObject>> days = new TreeMap<>();
        for (StoredObject object : store.list("raw/")) {
            Optional<ArchiveDay> day = ArchiveDay.of(object.ref());
            if (day.isEmpty()) {
                report.unrecognized();
                continue;
            }
            days.computeIfAbsent(day.get().date(), d -> new ArrayList<>()).add(object);
        }
        for (Map.Entry<LocalDate, List<StoredObject>> day : days.entrySet()) {
            Stage stage = policy.stageOf(day.getKey(), today);
            if (stage != Stage.FRESH) {
                processDay(new ArchiveDay(day.getKey()), day.getValue(), stage, dryRun, report);
            }
        }
        logs.ifPresent(folder -> folder.clean(clock.instant(), dryRun, report));
        return report.build(clock.instant());
    }

    private void processDay(ArchiveDay day, List<StoredObject> objects, Stage stage, boolean dryRun,
                            RetentionReport.Builder report) throws IOException {
        if (stage == Stage.EXPIRED && fingerprint(objects).equals(settledDays.get(day.date()))) {
            objects.forEach(o -> report.keptCritical(o.ref(), o.bytes()));
            return;
        }
        boolean settled = true;
        for (Envelope envelope : Envelope.group(objects).values()) {
            try {
                settled &= stage == Stage.EXPIRED
                        ? expire(envelope, dryRun, report)
                        : envelope.plain() == null || compress(envelope, dryRun, report).isPresent();
            } catch (NoSuchFileException gone) {
                settled = false; // handled meanwhile by another replica; the next run sees the result
            } catch (IOException e) {
                settled = false;
                LOG.warnf("retention of %s failed, next run retries: %s", envelope.ref(), e.getMessage());
                report.error(envelope.ref() + ": " + e.getMessage());
            }
        }
        if (stage == Stage.EXPIRED && settled && !dryRun) {
            settledDays.put(day.date(), fingerprint(store.list(day.prefix())));
        }
    }

    /** An expired envelope: kept (gzipped) when critical, else deleted. True when it is now as it should stay. */
    private boolean expire(Envelope envelope, boolean dryRun, RetentionReport.Builder report) throws IOException {
        if (critical.isCritical(envelope.ref(), store)) {
            Optional<StoredObject> kept = envelope.plain() == null
                    ? Optional.of(envelope.gzip()) : compress(envelope, dryRun, report);
            kept.ifPresent(o -> report.keptCritical(o.ref(), o.bytes()));
            return kept.isPresent();
        }
        for (StoredObject object : envelope.objects()) {
            if (dryRun || store.delete(object.ref())) {
                report.deleted(object.ref(), object.bytes());
            }
        }
        return true;
    }

    /**
     * Makes {@code X.gz} hold gzip(X) and deletes {@code X}. The compressed object, or empty when a different
     * {@code X.gz} is in the way (a conflict: both kept, reported).
     */
    private Optional<StoredObject> compress(Envelope envelope, boolean dryRun, RetentionReport.Builder report)
            throws IOException {
        String ref = envelope.ref();
        String gzRef = ref + ArchiveStore.GZIP_SUFFIX;
        byte[] original = store.read(ref);
        if (envelope.gzip() != null) {
            Optional<byte[]> existing = readGzip(gzRef);
            if (existing.isPresent() && Arrays.equals(existing.get(), original)) {
                // a run stopped between writing the .gz and deleting the plain file: finish it
                if (!dryRun) {
                    store.delete(ref);
                }
                report.compressed(ref, original.length, 0);
                return Optional.of(envelope.gzip());
            }
            if (existing.isPresent()) {
                LOG.errorf("%s holds a different envelope than %s (sha256 %s vs %s); both kept, resolve by hand",
                        gzRef, ref, Sha256.hex(existing.get()), Sha256.hex(original));
                report.conflict(ref);
                return Optional.empty();
            }
            LOG.warnf("%s is not a complete gzip stream; writing it again from %s", gzRef, ref);
        }
        byte[] gzip = Gzip.compress(original);
        if (!dryRun) {
            store.replace(gzRef, gzip);
            if (!readGzip(gzRef).map(back -> Arrays.equals(back, original)).orElse(false)) {
                throw new IOException(gzRef + " did not read back as the gzip of " + ref + "; " + ref + " kept");
            }
            store.delete(ref);
        }
        report.compressed(ref, original.length, gzip.length);
        return Optional.of(new StoredObject(gzRef, gzip.length));
    }

    private Optional<byte[]> readGzip(String gzRef) throws IOException {
        try {
            return Gzip.decompress(store.read(gzRef));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }

    private static String fingerprint(List<StoredObject> objects) {
        StringBuilder listing = new StringBuilder();
        objects.forEach(o -> listing.append(o.ref()).append(' ').append(o.bytes()).append('\n'));
        return Sha256.hex(listing.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The objects of one envelope: the plain file {@code ref}, its {@code ref.gz}, or both. */
    private record Envelope(String ref, StoredObject plain, StoredObject gzip) {

        List<StoredObject> objects() {
            return Stream.of(plain, gzip).filter(Objects::nonNull).toList();
        }

        static Map<String, Envelope> group(List<StoredObject> objects) {
            Map<String, Envelope> envelopes = new TreeMap<>();
            for (StoredObject object : objects) {
                boolean gz = object.ref().endsWith(ArchiveStore.GZIP_SUFFIX);
                String ref = gz ? object.ref().substring(0, object.ref().length() - ArchiveStore.GZIP_SUFFIX.length())
                        : object.ref();
                Envelope known = envelopes.getOrDefault(ref, new Envelope(ref, null, null));
                envelopes.put(ref, gz ? new Envelope(ref, known.plain(), object) : new Envelope(ref, object, known.gzip()));
            }
            return envelopes;
        }
    }
}
