package dev.marketpipe.simulator.market;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.market.KrxTickSize;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderBookGeneratorTest {

    private final BarGenerator bars = new BarGenerator(42, MarketCalendar.krx(), 0.0);
    private final OrderBookGenerator books = new OrderBookGenerator(bars);

    @Test
    void bookHasTenLevelsPerSideOnTheGridAroundThePriceWithBestBidBelowBestAsk() {
        for (long second = 0; second < 3_600; second += 37) {
            Instant at = Instant.parse("2025-03-04T01:00:00Z").plusSeconds(second);
            OrderBook book = books.orderBook("005930", at);
            assertEquals(OrderBookGenerator.DEPTH, book.bids().size());
            assertEquals(OrderBookGenerator.DEPTH, book.asks().size());
            long price = bars.priceAt("005930", at);
            assertTrue(book.bids().get(0).price() < book.asks().get(0).price());
            assertTrue(book.bids().get(0).price() <= price && price <= book.asks().get(0).price());
            for (int i = 0; i < OrderBookGenerator.DEPTH; i++) {
                assertTrue(KrxTickSize.isOnGrid(book.bids().get(i).price()));
                assertTrue(KrxTickSize.isOnGrid(book.asks().get(i).price()));
                assertTrue(book.bids().get(i).quantity() > 0 && book.asks().get(i).quantity() > 0);
                if (i > 0) {
                    assertTrue(book.bids().get(i).price() < book.bids().get(i - 1).price());
                    assertTrue(book.asks().get(i).price() > book.asks().get(i - 1).price());
                }
            }
        }
    }

    @Test
    void bookIsAPureFunctionOfSymbolAndSecond() {
        Instant at = Instant.parse("2025-03-04T02:00:00.250Z");
        OrderBook first = books.orderBook("000660", at);
        assertEquals(first, new OrderBookGenerator(new BarGenerator(42, MarketCalendar.krx(), 0.0))
                .orderBook("000660", Instant.parse("2025-03-04T02:00:00.900Z")));
        assertEquals(Instant.parse("2025-03-04T02:00:00Z"), first.timestamp());
        assertNotEquals(first, books.orderBook("000660", at.plusSeconds(1)));
    }
}
