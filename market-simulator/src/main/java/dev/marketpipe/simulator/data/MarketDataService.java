package dev.marketpipe.simulator.data;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.simulator.config.MarketSimulation;
import dev.marketpipe.simulator.config.SimulatedClock;
import dev.marketpipe.simulator.config.SimulatorConfig;
import dev.marketpipe.simulator.market.Discrepancies;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.simulator.market.OrderBook;
import dev.marketpipe.simulator.market.ServedBar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serves the generator's bars for a window, page by page, and order books. Records are those of
 * {@link BarGenerator#servedBars} whose timestamp lies in the window, in time order; unless future bars are
 * switched on, a bar is served only once its slot has completed.
 */
@ApplicationScoped
public class MarketDataService {

    private final MarketSimulation simulation;
    private final SimulatorConfig config;
    private final SimulatedClock clock;
    private final MeterRegistry registry;
    private final Discrepancies discrepancies;

    public MarketDataService(MarketSimulation simulation, SimulatorConfig config, SimulatedClock clock,
            MeterRegistry registry, Discrepancies discrepancies) {
        this.simulation = simulation;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.discrepancies = discrepancies;
    }

    /** Today in the exchange's zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), simulation.calendar().zone());
    }

    public MarketDataPage page(MarketDataQuery query) {
        requireKnown(query.symbol());
        MarketCalendar calendar = simulation.calendar();
        BarGenerator bars = simulation.bars();
        Instant now = clock.instant();
        List<Bar> window = new ArrayList<>();
        LocalDate last = query.lastDate(calendar.zone());
        for (LocalDate date = query.firstDate(calendar.zone()); !date.isAfter(last); date = date.plusDays(1)) {
            Optional<Session> session = calendar.session(date);
            if (session.isEmpty()) {
                continue;
            }
            for (ServedBar served : bars.servedRecords(query.symbol(), query.interval(), date)) {
                if (query.contains(served.bar().timestamp())
                        && (config.serveFutureBars() || !completion(served.slot(), query.interval(), session.get()).isAfter(now))) {
                    window.add(query.interval() == BarInterval.ONE_DAY
                            ? discrepancies.apply(served.bar(), calendar.zone()) : served.bar());
                }
            }
        }
        long total = window.size();
        long firstIndex = (long) (query.page() - 1) * query.limit();
        List<Bar> data = firstIndex >= total
                ? List.of()
                : window.subList((int) firstIndex, (int) Math.min(total, firstIndex + query.limit()));
        long totalPages = (total + query.limit() - 1) / query.limit();
        Counter.builder("marketpipe.simulator.records.served")
                .description("bars served by GET /market/data")
                .tag("interval", query.interval().code())
                .register(registry)
                .increment(data.size());
        return new MarketDataPage(MarketDataPage.SUCCESS, List.copyOf(data),
                new MarketDataPage.Meta(total, query.page(), totalPages, query.limit()));
    }

    public OrderBook orderBook(String symbol, Instant at) {
        requireKnown(symbol);
        return simulation.orderBooks().orderBook(symbol, at == null ? clock.instant() : at);
    }

    private void requireKnown(String symbol) {
        if (!simulation.knows(symbol)) {
            throw new NotFoundException("unknown symbol '" + symbol + "'; GET /simulator/config lists the symbols");
        }
    }

    /** When the bar of {@code slot} is complete: the end of its interval, or the session close for a daily bar. */
    private static Instant completion(Instant slot, BarInterval interval, Session session) {
        return interval == BarInterval.ONE_DAY ? session.close() : slot.plus(interval.length());
    }
}
