package dev.marketpipe.validator.validation;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.validator.client.LoaderClient;
import dev.marketpipe.validator.client.LoaderUnavailableException;
import dev.marketpipe.validator.config.ValidatorConfig;
import dev.marketpipe.wire.Bar;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The previous close as read from the loader: the right KST trading date, cached only when known. */
class LoaderPreviousClosesTest {

    private static final LocalDate FRIDAY = LocalDate.parse("2025-03-07");
    private static final LocalDate MONDAY = LocalDate.parse("2025-03-10");

    /** A loader answering the daily bars it was given, and remembering each request. */
    private static final class FakeLoader extends LoaderClient {
        private final List<Bar> daily;
        private final List<String> asked = new ArrayList<>();
        private boolean failing;

        FakeLoader(List<Bar> daily) {
            super(null, null);
            this.daily = daily;
        }

        @Override
        public List<Bar> dailyBars(String symbol, LocalDate from, LocalDate to) {
            asked.add(symbol + " " + from + " " + to);
            if (failing) {
                throw new LoaderUnavailableException("loader answered 500");
            }
            return daily;
        }
    }

    private static Bar daily(String timestamp, long close) {
        BigDecimal c = BigDecimal.valueOf(close);
        return new Bar(Instant.parse(timestamp), "005930", c, c, c, c, 1L, null);
    }

    private static ValidatorConfig cacheOf(int size) {
        return (ValidatorConfig) Proxy.newProxyInstance(ValidatorConfig.class.getClassLoader(),
                new Class<?>[] {ValidatorConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("previousCloseCacheSize")) {
                        return size;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static LoaderPreviousCloses closes(FakeLoader loader) {
        return new LoaderPreviousCloses(loader, MarketCalendar.krx(), cacheOf(100));
    }

    @Test
    void mondayAsksForTheDaysFromFridayAndTakesFridaysBar() {
        FakeLoader loader = new FakeLoader(List.of(daily("2025-03-07T00:00:00Z", 10_000)));

        assertEquals(Optional.of(BigDecimal.valueOf(10_000)), closes(loader).previousClose("005930", MONDAY, FRIDAY));
        assertEquals(List.of("005930 2025-03-07 2025-03-10"), loader.asked);
    }

    @Test
    void aBarIsDatedByItsKstTradingDateNotItsUtcDate() {
        // 2025-03-06T15:00Z is 00:00 KST on Friday the 7th; 2025-03-06T14:59Z is still Thursday in KST
        FakeLoader friday = new FakeLoader(List.of(daily("2025-03-06T15:00:00Z", 10_000)));
        FakeLoader thursday = new FakeLoader(List.of(daily("2025-03-06T14:59:00Z", 9_000)));

        assertEquals(Optional.of(BigDecimal.valueOf(10_000)), closes(friday).previousClose("005930", MONDAY, FRIDAY));
        assertEquals(Optional.empty(), closes(thursday).previousClose("005930", MONDAY, FRIDAY));
    }

    @Test
    void aKnownCloseIsAskedOnceAnUnknownOneAgain() {
        FakeLoader loader = new FakeLoader(List.of(daily("2025-03-07T00:00:00Z", 10_000)));
        LoaderPreviousCloses closes = closes(loader);
        closes.previousClose("005930", MONDAY, FRIDAY);
        closes.previousClose("005930", MONDAY, FRIDAY);

        FakeLoader empty = new FakeLoader(List.of());
        LoaderPreviousCloses unknown = closes(empty);
        unknown.previousClose("005930", MONDAY, FRIDAY);
        unknown.previousClose("005930", MONDAY, FRIDAY);

        assertEquals(1, loader.asked.size());
        assertEquals(2, empty.asked.size(), "the daily bar may be loaded later");
    }

    @Test
    void aFailedReadIsUnknownAndNotCached() {
        FakeLoader loader = new FakeLoader(List.of(daily("2025-03-07T00:00:00Z", 10_000)));
        LoaderPreviousCloses closes = closes(loader);
        loader.failing = true;

        assertEquals(Optional.empty(), closes.previousClose("005930", MONDAY, FRIDAY));
        loader.failing = false;
        assertEquals(Optional.of(BigDecimal.valueOf(10_000)), closes.previousClose("005930", MONDAY, FRIDAY));
    }
}
