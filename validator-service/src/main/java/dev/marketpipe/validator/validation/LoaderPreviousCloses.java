package dev.marketpipe.validator.validation;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.validator.client.LoaderClient;
import dev.marketpipe.validator.config.ValidatorConfig;

import dev.marketpipe.wire.Bar;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The previous trading day's close for the price-limit rule, read from the system of record through
 * the loader's {@code GET /v1/bars?interval=1d} and cached per (symbol, trading day) in a small LRU map. A known
 * close never changes, so it is cached; an unknown one is not (the daily bar may be loaded later). Any failure
 * means "unknown": the check is skipped, the batch never fails for it.
 */
@ApplicationScoped
public class LoaderPreviousCloses implements PreviousCloseSource {

    private static final Logger LOG = Logger.getLogger(LoaderPreviousCloses.class);

    private record Key(String symbol, LocalDate tradingDay) {
    }

    private final LoaderClient loader;
    private final MarketCalendar calendar;
    private final Map<Key, BigDecimal> cache;

    public LoaderPreviousCloses(LoaderClient loader, MarketCalendar calendar, ValidatorConfig config) {
        this.loader = loader;
        this.calendar = calendar;
        int capacity = config.previousCloseCacheSize();
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, BigDecimal> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Optional<BigDecimal> previousClose(String symbol, LocalDate tradingDay, LocalDate previousTradingDay) {
        Key key = new Key(symbol, tradingDay);
        synchronized (cache) {
            BigDecimal cached = cache.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<BigDecimal> close = lookUp(symbol, tradingDay, previousTradingDay);
        close.ifPresent(value -> {
            synchronized (cache) {
                cache.put(key, value);
            }
        });
        return close;
    }

    private Optional<BigDecimal> lookUp(String symbol, LocalDate tradingDay, LocalDate previousTradingDay) {
        List<Bar> bars;
        try {
            bars = loader.dailyBars(symbol, previousTradingDay, tradingDay);
        } catch (RuntimeException e) {
            LOG.debugf("previous close of %s for %s unknown, price-limit check skipped: %s", symbol, tradingDay,
                    e.getMessage());
            return Optional.empty();
        }
        Optional<BigDecimal> close = closeOn(bars, previousTradingDay);
        if (close.isEmpty()) {
            LOG.debugf("no daily bar of %s on %s stored, price-limit check skipped for %s", symbol,
                    previousTradingDay, tradingDay);
        }
        return close;
    }

    /** The close of the daily bar of {@code previousTradingDay} among {@code bars} (daily bars as stored). */
    Optional<BigDecimal> closeOn(List<Bar> bars, LocalDate previousTradingDay) {
        return bars == null ? Optional.empty() : bars.stream()
                .filter(b -> b.timestamp() != null && b.close() != null && b.close().signum() > 0)
                .filter(b -> calendar.tradingDate(b.timestamp()).equals(previousTradingDay))
                .reduce((first, second) -> second)
                .map(Bar::close);
    }

    /** Whether the close before {@code tradingDay} is known here without asking the loader. */
    boolean isCached(String symbol, LocalDate tradingDay) {
        synchronized (cache) {
            return cache.containsKey(new Key(symbol, tradingDay));
        }
    }

    /** Keeps a close read elsewhere (a group's read of several windows at once). */
    void remember(String symbol, LocalDate tradingDay, BigDecimal close) {
        synchronized (cache) {
            cache.put(new Key(symbol, tradingDay), close);
        }
    }

    /** Entries currently cached, for tests and diagnostics. */
    public int cachedEntries() {
        synchronized (cache) {
            return cache.size();
        }
    }

    /** Forgets every cached close (tests). */
    public void clear() {
        synchronized (cache) {
            cache.clear();
        }
    }
}
