package dev.marketpipe.simulator.market;

import static dev.marketpipe.simulator.market.HashPurpose.BOOK_QUANTITY;
import static dev.marketpipe.simulator.market.HashPurpose.BOOK_SIDE;

import dev.marketpipe.market.KrxTickSize;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic order books around the generator's price at a given second: {@value #DEPTH} levels
 * per side on the KRX tick grid with best bid &lt; best ask. A pure function of (seed, symbol, second); plain Java
 * like {@link BarGenerator}.
 */
public final class OrderBookGenerator {

    /** Levels per side. */
    public static final int DEPTH = 10;

    private static final long BID = 1;
    private static final long ASK = 2;

    private final BarGenerator bars;

    public OrderBookGenerator(BarGenerator bars) {
        this.bars = bars;
    }

    /** The book of {@code symbol} at {@code at}, truncated to the second. */
    public OrderBook orderBook(String symbol, Instant at) {
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        long price = bars.priceAt(symbol, second);
        // The last trade hit either the best ask or the best bid; which one is part of the (seeded) noise.
        boolean lastTradeAtAsk = (SeededHash.hash(bars.seed(), BOOK_SIDE.tag, SeededHash.key(symbol),
                second.getEpochSecond()) & 1) == 0;
        return orderBookAfter(symbol, second, price, lastTradeAtAsk);
    }

    /**
     * The book of {@code symbol} at {@code at} (truncated to the second) right after a trade at {@code lastPrice}:
     * the best ask is that price when a buyer took the ask, else the best bid is; quantities as in
     * {@link #orderBook}. The real-time feed uses it so that its books sit around its own last trade.
     */
    public OrderBook orderBookAfter(String symbol, Instant at, long lastPrice, boolean lastTradeAtAsk) {
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        long sym = SeededHash.key(symbol);
        long time = second.getEpochSecond();
        long seed = bars.seed();
        long bestAsk = lastTradeAtAsk ? lastPrice : KrxTickSize.up(lastPrice);
        long bestBid = KrxTickSize.down(bestAsk);
        long typical = Math.max(10, bars.averageMinuteVolume(symbol));

        List<OrderBook.Level> bids = new ArrayList<>(DEPTH);
        List<OrderBook.Level> asks = new ArrayList<>(DEPTH);
        long bid = bestBid;
        long ask = bestAsk;
        for (int level = 0; level < DEPTH; level++) {
            bids.add(new OrderBook.Level(bid, quantity(typical, SeededHash.hash(seed, BOOK_QUANTITY.tag, sym, time, BID * 64 + level))));
            asks.add(new OrderBook.Level(ask, quantity(typical, SeededHash.hash(seed, BOOK_QUANTITY.tag, sym, time, ASK * 64 + level))));
            bid = KrxTickSize.down(bid);
            ask = KrxTickSize.up(ask);
        }
        return new OrderBook(symbol, second, List.copyOf(bids), List.copyOf(asks));
    }

    private static long quantity(long typical, long hash) {
        return 1 + Math.round(typical * 2.0 * SeededHash.unit(hash));
    }
}
