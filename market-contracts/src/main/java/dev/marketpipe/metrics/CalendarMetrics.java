package dev.marketpipe.metrics;

import dev.marketpipe.calendar.MarketCalendar;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * {@code marketpipe_calendar_last_covered_date_timestamp_seconds}: 00:00 (exchange time) of the last date the
 * service's trading calendar covers ({@link MarketCalendar#lastCoveredDate()}), so that an alert fires well before
 * the holiday list runs out (KrxCalendarEnding, 90 days ahead). In the shared module like {@link PrometheusConventions}:
 * every service registers it (Quarkus binds each {@link MeterBinder} bean at start) from its calendar bean
 * ({@link dev.marketpipe.calendar.CalendarProducer}).
 */
@Singleton
public class CalendarMetrics implements MeterBinder {

    static final String NAME = "marketpipe.calendar.last.covered.date.timestamp";

    private final MarketCalendar calendar;

    @Inject
    public CalendarMetrics(MarketCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        calendar.lastCoveredDate().ifPresent(last -> {
            long startOfDay = last.atStartOfDay(calendar.zone()).toEpochSecond();
            Gauge.builder(NAME, () -> startOfDay).baseUnit("seconds")
                    .description("Start (exchange time) of the last date the trading calendar's holiday list covers")
                    .register(registry);
        });
    }
}
