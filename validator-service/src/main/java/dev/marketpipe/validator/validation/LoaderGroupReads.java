package dev.marketpipe.validator.validation;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.validator.client.LoaderClient;
import dev.marketpipe.validator.config.ValidatorConfig;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.BarWindow;
import dev.marketpipe.wire.BarWindows;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a group of market-data batches needs from the loader — each batch's stored window (duplicates and gaps) and the
 * previous closes not cached yet (price limit) — read in ONE {@code POST /v1/bars/windows} before the group is judged,
 * instead of up to two reads per batch. A batch asks the answer as it would ask the loader; a question the read did not
 * cover goes to the loader on its own ({@link LoaderStoredBars}, {@link LoaderPreviousCloses}). When the read fails,
 * the group's questions are answered "unknown", exactly as failed single reads are: the checks that need them are
 * skipped.
 */
@ApplicationScoped
public class LoaderGroupReads {

    private static final Logger LOG = Logger.getLogger(LoaderGroupReads.class);

    private final LoaderClient loader;
    private final LoaderStoredBars storedBars;
    private final LoaderPreviousCloses previousCloses;
    private final MarketCalendar calendar;
    private final Duration gapScanMaxWindow;

    public LoaderGroupReads(LoaderClient loader, LoaderStoredBars storedBars, LoaderPreviousCloses previousCloses,
            MarketCalendar calendar, ValidatorConfig config) {
        this.loader = loader;
        this.storedBars = storedBars;
        this.previousCloses = previousCloses;
        this.calendar = calendar;
        this.gapScanMaxWindow = config.gapScanMaxWindow();
    }

    /** The answers a group's batches are judged with. */
    public record Reads(StoredBars stored, PreviousCloseSource closes) {
    }

    public Reads prefetch(List<CollectedBatch> batches) {
        List<BarWindow> stored = new ArrayList<>();
        Map<CloseKey, BarWindow> closes = new LinkedHashMap<>();
        for (CollectedBatch batch : batches) {
            if (batch.dataType() != DataType.MARKET_DATA || batch.symbol() == null || batch.interval() == null
                    || batch.bars() == null) {
                continue;
            }
            if (storedBars.enabled()) {
                cover(batch).ifPresent(stored::add);
            }
            for (Bar bar : batch.bars()) {
                if (bar != null && bar.timestamp() != null) {
                    uncachedClose(batch.symbol(), calendar.tradingDate(bar.timestamp()), closes);
                }
            }
        }
        if (stored.isEmpty() && closes.isEmpty()) {
            return new Reads(storedBars, previousCloses);
        }
        List<BarWindow> windows = new ArrayList<>(stored);
        windows.addAll(closes.values());
        Map<BarWindow, List<Bar>> answers = new HashMap<>();
        RuntimeException failure = null;
        try {
            for (BarWindows.Stored answer : loader.windows(windows)) {
                answers.put(answer.window(), answer.bars() == null ? List.of() : answer.bars());
            }
        } catch (RuntimeException e) {
            failure = e;
            LOG.debugf("the stored windows and previous closes of a group of %d batches are unknown: %s",
                    batches.size(), e.toString());
        }
        return new Reads(new Stored(stored, answers, failure), new Closes(closes, answers));
    }

    /** The stretch a batch may ask about: its window and every bar's timestamp, in whole seconds. */
    private Optional<BarWindow> cover(CollectedBatch batch) {
        Instant from = batch.windowStart();
        Instant to = batch.windowEnd();
        for (Bar bar : batch.bars()) {
            Instant ts = bar == null ? null : bar.timestamp();
            if (ts != null) {
                from = from == null || ts.isBefore(from) ? ts : from;
                to = to == null || !ts.isBefore(to) ? ts.plusSeconds(1) : to;
            }
        }
        if (from == null || to == null || !from.isBefore(to)
                || Duration.between(from, to).compareTo(gapScanMaxWindow) > 0) {
            return Optional.empty();
        }
        Instant wholeSeconds = to.truncatedTo(ChronoUnit.SECONDS);
        Instant end = wholeSeconds.equals(to) ? to : wholeSeconds.plusSeconds(1);
        return Optional.of(new BarWindow(batch.symbol(), batch.interval(), from.truncatedTo(ChronoUnit.SECONDS), end));
    }

    private void uncachedClose(String symbol, LocalDate day, Map<CloseKey, BarWindow> closes) {
        CloseKey key = new CloseKey(symbol, day);
        if (closes.containsKey(key) || previousCloses.isCached(symbol, day)) {
            return;
        }
        calendar.previousTradingDay(day).ifPresent(previous -> closes.put(key, new BarWindow(symbol,
                BarInterval.ONE_DAY, previous.atStartOfDay(MarketCalendar.KRX_ZONE).toInstant(),
                day.atStartOfDay(MarketCalendar.KRX_ZONE).toInstant())));
    }

    private record CloseKey(String symbol, LocalDate tradingDay) {
    }

    /** A group's stored windows as read; questions outside them go to the loader on their own. */
    private final class Stored implements StoredBars {

        private final List<BarWindow> windows;
        private final Map<BarWindow, List<Bar>> answers;
        private final RuntimeException failure;

        Stored(List<BarWindow> windows, Map<BarWindow, List<Bar>> answers, RuntimeException failure) {
            this.windows = windows;
            this.answers = answers;
            this.failure = failure;
        }

        @Override
        public Optional<List<Bar>> between(String symbol, BarInterval interval, Instant from, Instant to) {
            for (BarWindow window : windows) {
                if (window.symbol().equals(symbol) && window.interval() == interval && !from.isBefore(window.from())
                        && !to.isAfter(window.to())) {
                    List<Bar> bars = answers.get(window);
                    if (bars == null) {
                        return storedBars.skip(symbol, interval, from, to, Objects.requireNonNullElseGet(failure,
                                () -> new IllegalStateException("no answer for the window")));
                    }
                    return Optional.of(bars.stream().filter(bar -> bar.timestamp() != null
                            && !bar.timestamp().isBefore(from) && bar.timestamp().isBefore(to)).toList());
                }
            }
            return storedBars.between(symbol, interval, from, to);
        }
    }

    /** A group's previous closes as read (and then cached); a close read for nothing is "unknown" for the group. */
    private final class Closes implements PreviousCloseSource {

        private final Map<CloseKey, BarWindow> windows;
        private final Map<BarWindow, List<Bar>> answers;

        Closes(Map<CloseKey, BarWindow> windows, Map<BarWindow, List<Bar>> answers) {
            this.windows = windows;
            this.answers = answers;
        }

        @Override
        public Optional<BigDecimal> previousClose(String symbol, LocalDate tradingDay, LocalDate previousTradingDay) {
            BarWindow window = windows.get(new CloseKey(symbol, tradingDay));
            if (window == null) {
                return previousCloses.previousClose(symbol, tradingDay, previousTradingDay);
            }
            Optional<BigDecimal> close = previousCloses.closeOn(answers.get(window), previousTradingDay);
            close.ifPresent(value -> previousCloses.remember(symbol, tradingDay, value));
            return close;
        }
    }
}
