package dev.marketpipe.simulator.market;

import dev.marketpipe.market.KrxTickSize;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic order books (spec §1.2) around the generator's price at a given second: {@value #DEPTH} levels
 * per side on the KRX tick grid with best bid &lt; best ask. A pure function of (seed, symbol, second); plain Java
 * like {@link BarGenerator}.
 */
public final class OrderBookGenerator {

    /** Levels per side. */
    public static final int DEPTH = 10;

    private static final long BOOK_SIDE = 0x73696465L;
    private static final long BOOK_QUANTITY = 0x7175616EL;
    private static final long BID = 1;
    private static final long ASK = 2;

    private final BarGenerator bars;

    public OrderBookGenerator(BarGenerator bars) {
        this.bars = bars;
    }

    /** The book of {@code symbol} at {@code at}, truncated to the second. */
    public OrderBook orderBook(String symbol, Instant at) {
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        long sym = SeededHash.key(symbol);
        long time = second.getEpochSecond();
        long seed = bars.seed();
        long price = bars.priceAt(symbol, second);
        // The last trade hit either the best ask or the best bid; which one is part of the (seeded) noise.
        boolean lastTradeAtAsk = (SeededHash.hash(seed, BOOK_SIDE, sym, time) & 1) == 0;
        long bestAsk = lastTradeAtAsk ? price : KrxTickSize.up(price);
        long bestBid = KrxTickSize.down(bestAsk);
        long typical = Math.max(10, bars.averageMinuteVolume(symbol));

        List<OrderBook.Level> bids = new ArrayList<>(DEPTH);
        List<OrderBook.Level> asks = new ArrayList<>(DEPTH);
        long bid = bestBid;
        long ask = bestAsk;
        for (int level = 0; level < DEPTH; level++) {
            bids.add(new OrderBook.Level(bid, quantity(typical, SeededHash.hash(seed, BOOK_QUANTITY, sym, time, BID * 64 + level))));
            asks.add(new OrderBook.Level(ask, quantity(typical, SeededHash.hash(seed, BOOK_QUANTITY, sym, time, ASK * 64 + level))));
            bid = KrxTickSize.down(bid);
            ask = KrxTickSize.up(ask);
        }
        return new OrderBook(symbol, second, List.copyOf(bids), List.copyOf(asks));
    }

    private static long quantity(long typical, long hash) {
        return 1 + Math.round(typical * 2.0 * SeededHash.unit(hash));
    }
}
