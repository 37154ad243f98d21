package dev.marketpipe.simulator.market;

import static dev.marketpipe.simulator.market.HashPurpose.AVERAGE;
import static dev.marketpipe.simulator.market.HashPurpose.CASH;
import static dev.marketpipe.simulator.market.HashPurpose.HOLD;
import static dev.marketpipe.simulator.market.HashPurpose.HOLD_QUANTITY;
import static dev.marketpipe.simulator.market.HashPurpose.ORDERS;
import static dev.marketpipe.simulator.market.HashPurpose.ORDER_FILL;
import static dev.marketpipe.simulator.market.HashPurpose.ORDER_QUANTITY;
import static dev.marketpipe.simulator.market.HashPurpose.ORDER_SIDE;
import static dev.marketpipe.simulator.market.HashPurpose.ORDER_TIME;

import dev.marketpipe.calendar.Session;
import dev.marketpipe.market.KrxTickSize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Deterministic account data: a seeded portfolio over the symbol universe, valued at
 * {@link BarGenerator#priceAt}, a seeded cash balance per trading date, and seeded orders during each session.
 * A pure function of (seed, symbol universe, time), plain Java like {@link BarGenerator}, so tests can compute
 * what the API served.
 *
 * <p>The account holds about {@value #HOLD_SHARE_PERCENT}% of the universe; each holding's quantity changes per
 * trading date, its average price is fixed per symbol (within ±10% of the base price). Every symbol gets 0–2
 * orders per session at whole seconds: 70% filled, 15% partially filled, 15% cancelled, priced at the traded price
 * of their second.
 */
public final class AccountGenerator {

    static final int HOLD_SHARE_PERCENT = 40;
    private static final long MIN_CASH = 10_000_000;
    private static final long CASH_RANGE = 90_000_000;
    private static final long CASH_UNIT = 1_000;
    private static final int MAX_ORDERS_PER_SYMBOL = 2;
    private static final int MAX_ORDER_QUANTITY = 100;
    private static final DateTimeFormatter ORDER_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final BarGenerator bars;
    private final List<String> symbols;
    private final String accountNumber;

    public AccountGenerator(BarGenerator bars, List<String> symbols, String accountNumber) {
        this.bars = bars;
        this.symbols = List.copyOf(symbols);
        this.accountNumber = accountNumber;
    }

    public String accountNumber() {
        return accountNumber;
    }

    /** The holdings at {@code at} (truncated to the second), in universe order. */
    public List<Holding> positions(Instant at) {
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        LocalDate date = bars.calendar().tradingDate(second);
        List<Holding> holdings = new ArrayList<>();
        for (String symbol : symbols) {
            long sym = SeededHash.key(symbol);
            if (Long.remainderUnsigned(SeededHash.hash(bars.seed(), HOLD.tag, sym), 100) >= HOLD_SHARE_PERCENT) {
                continue;
            }
            long quantity = 10 * (1 + Long.remainderUnsigned(
                    SeededHash.hash(bars.seed(), HOLD_QUANTITY.tag, sym, date.toEpochDay()), 100));
            double skew = 0.9 + 0.2 * SeededHash.unit(SeededHash.hash(bars.seed(), AVERAGE.tag, sym));
            long average = KrxTickSize.round(bars.basePrice(symbol) * skew);
            long price = bars.priceAt(symbol, second);
            holdings.add(new Holding(second, symbol, quantity, average, price, quantity * price,
                    (price - average) * quantity));
        }
        return holdings;
    }

    /** The balance at {@code at}: cash plus the value of {@link #positions}. */
    public Account account(Instant at) {
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        LocalDate date = bars.calendar().tradingDate(second);
        long cash = MIN_CASH + CASH_UNIT * Long.remainderUnsigned(
                SeededHash.hash(bars.seed(), CASH.tag, date.toEpochDay()), CASH_RANGE / CASH_UNIT);
        List<Holding> holdings = positions(second);
        long value = holdings.stream().mapToLong(Holding::marketValue).sum();
        return new Account(accountNumber, second, cash, value, cash + value, holdings.size());
    }

    /** Every order of the session of {@code date}, in time order (then by id); empty on a closed day. */
    public List<Order> orders(LocalDate date) {
        Optional<Session> session = bars.calendar().session(date);
        if (session.isEmpty()) {
            return List.of();
        }
        long seconds = session.get().close().getEpochSecond() - session.get().open().getEpochSecond();
        long day = date.toEpochDay();
        long seed = bars.seed();
        List<Order> orders = new ArrayList<>();
        for (String symbol : symbols) {
            long sym = SeededHash.key(symbol);
            int count = (int) Long.remainderUnsigned(SeededHash.hash(seed, ORDERS.tag, sym, day),
                    MAX_ORDERS_PER_SYMBOL + 1);
            for (int i = 1; i <= count; i++) {
                Instant at = session.get().open().plusSeconds(
                        Long.remainderUnsigned(SeededHash.hash(seed, ORDER_TIME.tag, sym, day, i), seconds));
                String side = (SeededHash.hash(seed, ORDER_SIDE.tag, sym, day, i) & 1) == 0 ? "buy" : "sell";
                long quantity = 1 + Long.remainderUnsigned(SeededHash.hash(seed, ORDER_QUANTITY.tag, sym, day, i),
                        MAX_ORDER_QUANTITY);
                long price = bars.priceAt(symbol, at);
                double fill = SeededHash.unit(SeededHash.hash(seed, ORDER_FILL.tag, sym, day, i));
                String id = ORDER_DATE.format(date) + "-" + symbol + "-" + i;
                if (fill < 0.70 || (fill < 0.85 && quantity == 1)) {
                    orders.add(new Order(id, at, symbol, side, quantity, price, quantity, price, "filled"));
                } else if (fill < 0.85) {
                    orders.add(new Order(id, at, symbol, side, quantity, price, quantity / 2, price,
                            "partially_filled"));
                } else {
                    orders.add(new Order(id, at, symbol, side, quantity, price, 0, null, "cancelled"));
                }
            }
        }
        orders.sort(Comparator.comparing(Order::orderedAt).thenComparing(Order::orderId));
        return orders;
    }

    /** One holding; prices in KRW. */
    public record Holding(Instant timestamp, String symbol, long quantity, long averagePrice, long currentPrice,
            long marketValue, long unrealizedPnl) {
    }

    /** The balance; amounts in KRW. */
    public record Account(String accountNumber, Instant timestamp, long cash, long positionsValue, long totalValue,
            int positionCount) {
    }

    /** One order; {@code filledPrice} is null when nothing was filled. */
    public record Order(String orderId, Instant orderedAt, String symbol, String side, long quantity, long price,
            long filledQuantity, Long filledPrice, String status) {
    }
}
