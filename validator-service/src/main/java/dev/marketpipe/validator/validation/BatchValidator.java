package dev.marketpipe.validator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.validator.quality.BatchOutcomes;
import dev.marketpipe.validator.rules.BarContext;
import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.validator.rules.RuleSet;
import dev.marketpipe.validator.temporal.ChronologicalOrder;
import dev.marketpipe.validator.temporal.DuplicateTimestamps;
import dev.marketpipe.validator.temporal.GapFinder;
import dev.marketpipe.validator.temporal.StoredDuplicates;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantineStatus;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.Severity;
import dev.marketpipe.wire.ValidatedBatch;

import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Applies the quality rules to one market-data batch and produces its verdict (the data quality actions):
 * <ul>
 *   <li>duplicates first: the latest record per timestamp stays, earlier ones become batch issues;</li>
 *   <li>record rules ({@link RuleSet}) on every surviving record; a record with only low findings is
 *   accepted (with its flags), one whose only non-low findings are {@code price_out_of_range} and/or
 *   {@code price_off_tick} goes to {@code review}, any other is {@code quarantined};</li>
 *   <li>order and gaps as batch issues; the verdict lists are sorted by timestamp;</li>
 *   <li>across batches: what is already stored for the window ({@link StoredBars}, asked once) is not a gap,
 *   and an accepted record that differs from the stored bar at its timestamp is a {@code duplicate_timestamp}
 *   issue ({@link StoredDuplicates}); when nothing stored is known these checks stay batch-local.</li>
 * </ul>
 * Every input record ends in exactly one of accepted, quarantined or an in-batch {@code duplicate_timestamp}
 * issue. No I/O of its own (the previous close comes from a {@link PreviousCloseSource}, stored bars from
 * {@link StoredBars}); the only log line is the note that an implausibly long window was not scanned for gaps.
 */
public final class BatchValidator {

    private static final Logger LOG = Logger.getLogger(BatchValidator.class);
    private static final Comparator<Bar> BY_TIMESTAMP_NULLS_LAST =
            Comparator.comparing(Bar::timestamp, Comparator.nullsLast(Comparator.naturalOrder()));
    /** The findings a person reviews ("price out of range: flag for manual review"). */
    private static final Set<String> FOR_REVIEW = Set.of(RuleCodes.PRICE_OUT_OF_RANGE, RuleCodes.PRICE_OFF_TICK);

    private final MarketCalendar calendar;
    private final RuleSet rules;
    private final GapFinder gaps;
    private final Duration gapScanMaxWindow;

    /**
     * @param gapScanMaxWindow longest window the gap scan walks; a longer (implausible) window is not scanned,
     *                         which keeps a bad request from costing minutes of CPU
     */
    public BatchValidator(MarketCalendar calendar, RuleSet rules, Duration gapScanMaxWindow) {
        this.calendar = calendar;
        this.rules = rules;
        this.gaps = new GapFinder(calendar);
        this.gapScanMaxWindow = gapScanMaxWindow;
    }

    /** Batch-local: nothing stored is known, so duplicates and gaps are judged within the batch only. */
    public ValidatedBatch validate(CollectedBatch batch, PreviousCloseSource closes) {
        return validate(batch, closes, StoredBars.NONE);
    }

    public ValidatedBatch validate(CollectedBatch batch, PreviousCloseSource closes, StoredBars storedBars) {
        List<Bar> bars = batch.bars();
        DuplicateTimestamps.Result deduplicated = DuplicateTimestamps.keepLatest(bars);
        Optional<QualityIssue> disorder = ChronologicalOrder.check(bars);

        // chronological evaluation lets a daily bar take its previous close from the day before in this batch
        List<Bar> survivors = new ArrayList<>(deduplicated.kept());
        survivors.sort(BY_TIMESTAMP_NULLS_LAST);
        PreviousCloses previousCloses = new PreviousCloses(batch.symbol(), batch.interval(), closes);

        List<AcceptedBar> accepted = new ArrayList<>();
        List<QuarantinedBar> quarantined = new ArrayList<>();
        int acceptedClean = 0;
        for (Bar bar : survivors) {
            BigDecimal previousClose = previousCloses.forBar(bar);
            List<QualityIssue> issues = rules.check(bar, new BarContext(batch.symbol(), batch.interval(),
                    previousClose));
            Optional<QuarantineStatus> status = quarantineStatus(issues);
            if (status.isEmpty()) {
                accepted.add(new AcceptedBar(bar, List.copyOf(issues)));
                if (issues.isEmpty()) {
                    acceptedClean++;
                }
            } else {
                quarantined.add(new QuarantinedBar(bar, status.get(), List.copyOf(issues)));
            }
            if (issues.stream().noneMatch(i -> i.severity() == Severity.CRITICAL)) {
                previousCloses.remember(bar);
            }
        }

        List<QualityIssue> batchIssues = new ArrayList<>(deduplicated.issues());
        disorder.ifPresent(batchIssues::add);
        Optional<ScanWindow> scan = gapScanWindow(batch, survivors);
        Map<Instant, Bar> stored = stored(batch, scan, accepted, storedBars);
        batchIssues.addAll(StoredDuplicates.find(accepted.stream().map(AcceptedBar::bar).toList(), stored));
        scan.ifPresent(window -> batchIssues.addAll(gaps.find(batch.interval(), window.from(), window.to(),
                present(survivors, stored))));

        int received = bars.size();
        double score = BatchOutcomes.score(acceptedClean, received);
        return new ValidatedBatch(batch.batchId(), batch.dataType(), batch.symbol(), batch.interval(),
                batch.source(), batch.archiveRef(), batch.fetchedAt(), batch.apiLatencyMs(), received,
                List.copyOf(accepted), List.copyOf(quarantined), List.copyOf(batchIssues), score);
    }

    /**
     * Empty when the record is accepted (no findings above low). {@code REVIEW} when every finding above low is a
     * price-range finding (limit breach, off the tick grid), the "price out of range" action, which sends
     * the record to a person rather than rejecting it.
     */
    static Optional<QuarantineStatus> quarantineStatus(List<QualityIssue> issues) {
        List<QualityIssue> serious = issues.stream().filter(i -> i.severity() != Severity.LOW).toList();
        if (serious.isEmpty()) {
            return Optional.empty();
        }
        boolean onlyForReview = serious.stream().allMatch(i -> FOR_REVIEW.contains(i.rule()));
        return Optional.of(onlyForReview ? QuarantineStatus.REVIEW : QuarantineStatus.QUARANTINED);
    }

    /** The stretch {@code [from, to)} of the batch's window where every expected bar should be present. */
    private record ScanWindow(Instant from, Instant to) {
    }

    private Optional<ScanWindow> gapScanWindow(CollectedBatch batch, List<Bar> survivors) {
        Instant from = batch.windowStart();
        Instant to = batch.windowEnd();
        if (from == null || to == null || !from.isBefore(to)) {
            return Optional.empty();
        }
        if (longerThanScanLimit(from, to)) {
            LOG.warnf("batch %s symbol %s: window %s .. %s is longer than %s, not scanned for gaps",
                    batch.batchId(), batch.symbol(), from, to, gapScanMaxWindow);
            return Optional.empty();
        }
        // One page of a paged window only covers part of it: scan from the first record of a later page and up to
        // the last record of an earlier page, so the other pages' bars are not reported missing.
        JsonNode meta = batch.rawResponse() == null ? null : batch.rawResponse().path("meta");
        int totalPages = meta == null ? 1 : meta.path("total_pages").asInt(1);
        if (totalPages > 1) {
            int page = batch.page() > 0 ? batch.page() : meta.path("page").asInt(1);
            Optional<Instant> first = timestamps(survivors).min(Comparator.naturalOrder());
            Optional<Instant> last = timestamps(survivors).max(Comparator.naturalOrder());
            if (first.isEmpty()) {
                return Optional.empty();
            }
            if (page > 1 && first.get().isAfter(from)) {
                from = first.get();
            }
            if (page < totalPages && last.get().plusNanos(1).isBefore(to)) {
                to = last.get().plusNanos(1);
            }
        }
        return Optional.of(new ScanWindow(from, to));
    }

    /**
     * The stored bars of the scan window and of the accepted records' timestamps, asked once; empty when there is
     * nothing to ask about, the batch's window or the stretch is longer than the gap-scan limit (which bounds the
     * cost of the read), or the source does not know.
     */
    private Map<Instant, Bar> stored(CollectedBatch batch, Optional<ScanWindow> scan, List<AcceptedBar> accepted,
            StoredBars source) {
        Instant from = scan.map(ScanWindow::from).orElse(null);
        Instant to = scan.map(ScanWindow::to).orElse(null);
        for (AcceptedBar bar : accepted) {
            Instant ts = bar.bar().timestamp();
            if (ts == null) {
                continue;
            }
            from = from == null || ts.isBefore(from) ? ts : from;
            to = to == null || !ts.isBefore(to) ? ts.plusNanos(1) : to;
        }
        if (from == null || batch.interval() == null || longerThanScanLimit(from, to)
                || batch.windowStart() != null && batch.windowEnd() != null
                && longerThanScanLimit(batch.windowStart(), batch.windowEnd())) {
            return Map.of();
        }
        // an exclusive end in whole seconds, which the database's microseconds cannot round away
        Instant wholeSeconds = to.truncatedTo(ChronoUnit.SECONDS);
        to = wholeSeconds.equals(to) ? to : wholeSeconds.plusSeconds(1);
        Map<Instant, Bar> byTimestamp = new HashMap<>();
        source.between(batch.symbol(), batch.interval(), from, to).ifPresent(bars -> bars.stream()
                .filter(bar -> bar.timestamp() != null)
                .forEach(bar -> byTimestamp.put(bar.timestamp(), bar)));
        return byTimestamp;
    }

    private boolean longerThanScanLimit(Instant from, Instant to) {
        return Duration.between(from, to).compareTo(gapScanMaxWindow) > 0;
    }

    /** Bar starts that are not missing: delivered by this batch (whatever its verdict) or already stored. */
    private static Set<Instant> present(List<Bar> survivors, Map<Instant, Bar> stored) {
        Set<Instant> present = new HashSet<>(stored.keySet());
        timestamps(survivors).forEach(present::add);
        return present;
    }

    private static Stream<Instant> timestamps(List<Bar> bars) {
        return bars.stream().map(Bar::timestamp).filter(Objects::nonNull);
    }

    /** The previous close per trading day: from the batch for daily bars, else from the source, asked once a day. */
    private final class PreviousCloses {
        private final String symbol;
        private final BarInterval interval;
        private final PreviousCloseSource source;
        private final Map<LocalDate, BigDecimal> dailyClosesInBatch = new HashMap<>();
        private final Map<LocalDate, Optional<BigDecimal>> asked = new HashMap<>();

        PreviousCloses(String symbol, BarInterval interval, PreviousCloseSource source) {
            this.symbol = symbol;
            this.interval = interval;
            this.source = source;
        }

        BigDecimal forBar(Bar bar) {
            if (bar.timestamp() == null) {
                return null;
            }
            LocalDate day = calendar.tradingDate(bar.timestamp());
            Optional<LocalDate> previousDay = calendar.previousTradingDay(day);
            if (previousDay.isEmpty()) {
                return null;
            }
            BigDecimal inBatch = dailyClosesInBatch.get(previousDay.get());
            if (inBatch != null) {
                return inBatch;
            }
            return asked.computeIfAbsent(day, d -> source.previousClose(symbol, d, previousDay.get())).orElse(null);
        }

        /** A daily bar without critical findings is a trustworthy previous close for the next trading day. */
        void remember(Bar bar) {
            if (interval == BarInterval.ONE_DAY && bar.timestamp() != null && bar.close() != null
                    && bar.close().signum() > 0) {
                dailyClosesInBatch.put(calendar.tradingDate(bar.timestamp()), bar.close());
            }
        }
    }
}
