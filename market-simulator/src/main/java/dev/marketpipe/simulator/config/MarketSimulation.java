package dev.marketpipe.simulator.config;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.AccountGenerator;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.simulator.market.OrderBookGenerator;
import dev.marketpipe.simulator.market.TradeTape;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The running simulation: the configured generators and symbol universe. The invalid fraction can change at
 * runtime ({@code PUT /simulator/config}); the generators are immutable, so a change swaps in new ones.
 */
@ApplicationScoped
public class MarketSimulation {

    private final MarketCalendar calendar;
    private final List<String> symbols;
    private final Set<String> symbolSet;
    private volatile BarGenerator bars;
    private volatile OrderBookGenerator books;
    private volatile AccountGenerator accounts;
    private final String accountNumber;
    private final TradeTape.Density density;

    public MarketSimulation(SimulatorConfig config, MarketCalendar calendar) {
        this.calendar = calendar;
        this.symbols = List.copyOf(config.symbols());
        this.symbolSet = Set.copyOf(symbols);
        this.accountNumber = config.accountNumber();
        SimulatorConfig.TapeSettings tape = config.tape();
        SimulatorConfig.BurstSettings burst = tape.burst();
        this.density = new TradeTape.Density(tape.minTradesPerMinute(), tape.maxTradesPerMinute(),
                new TradeTape.Burst(burst.everyMinutes(), burst.startSecond(), burst.seconds(), burst.factor()));
        use(new BarGenerator(config.seed(), calendar, config.invalidFraction()));
    }

    public MarketCalendar calendar() {
        return calendar;
    }

    public BarGenerator bars() {
        return bars;
    }

    public OrderBookGenerator orderBooks() {
        return books;
    }

    /**
     * The trade tape behind the real-time feed, at the configured density; its trades aggregate into the clean bars,
     * whatever the invalid fraction.
     */
    public TradeTape tape() {
        return new TradeTape(bars, density);
    }

    public AccountGenerator accounts() {
        return accounts;
    }

    public List<String> symbols() {
        return symbols;
    }

    public boolean knows(String symbol) {
        return symbolSet.contains(symbol);
    }

    /** Switches the share of corrupted bars from now on. */
    public synchronized void invalidFraction(double fraction) {
        use(bars.withInvalidFraction(fraction));
    }

    private synchronized void use(BarGenerator generator) {
        this.bars = generator;
        this.books = new OrderBookGenerator(generator);
        this.accounts = new AccountGenerator(generator, symbols, accountNumber);
    }

    /** The wall clock; a bean so that "now" has one source. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
