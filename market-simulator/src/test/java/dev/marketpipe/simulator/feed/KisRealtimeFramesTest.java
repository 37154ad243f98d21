package dev.marketpipe.simulator.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.provider.kis.realtime.KisFrame;
import dev.marketpipe.provider.kis.realtime.KisFrameReader;
import dev.marketpipe.provider.kis.realtime.KisRealtimeColumns;
import dev.marketpipe.provider.kis.realtime.KisRealtimeRecords;
import dev.marketpipe.provider.kis.realtime.KisRecord;
import dev.marketpipe.simulator.kis.KisMessageCodes;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.simulator.market.OrderBook;
import dev.marketpipe.simulator.market.OrderBookGenerator;
import dev.marketpipe.simulator.market.TradeTape;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.Tick;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The simulator's frames read back with market-contracts' client-side reader, field for field. */
class KisRealtimeFramesTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 5);
    private final BarGenerator bars = new BarGenerator(42, MarketCalendar.krx(), 0.0);
    private final TradeTape.Day day = new TradeTape(bars).day("005930", DAY);

    @Test
    void aSecondsTradesAreOneFrameOfFortySixFieldsEachThatReadsIntoTicks() {
        List<TradeTape.Trade> second = sharedSecond();
        String frame = KisRealtimeFrames.trades(day, second);

        String[] parts = frame.split("\\|", 4);
        assertEquals("0", parts[0]);
        assertEquals(KisRealtimeColumns.TRADES, parts[1]);
        assertEquals(String.format("%03d", second.size()), parts[2]);
        assertEquals(second.size() * KisRealtimeColumns.TRADE_COLUMNS.size(), parts[3].split("\\^", -1).length);

        KisFrame.Data data = assertInstanceOf(KisFrame.Data.class, KisFrameReader.read(frame, trId -> null));
        assertEquals(second.size(), data.records().size());
        for (int i = 0; i < second.size(); i++) {
            TradeTape.Trade trade = second.get(i);
            KisRecord record = data.records().get(i);
            Tick tick = KisRealtimeRecords.tick(record);
            assertEquals("005930", tick.symbol());
            assertEquals(trade.at(), tick.timestamp());
            assertEquals(0, BigDecimal.valueOf(trade.price()).compareTo(tick.price()));
            assertEquals(trade.quantity(), tick.quantity());
            assertEquals(trade.cumulativeVolume(), tick.cumulativeVolume());
            assertEquals(0, BigDecimal.valueOf(trade.cumulativeValue()).compareTo(tick.cumulativeValue()));
            assertEquals(0, BigDecimal.valueOf(bars.previousClose("005930", DAY)).compareTo(tick.previousClose()));
            assertEquals("20250305", record.get("BSOP_DATE"));
            assertEquals(Long.toString(day.open()), record.get("STCK_OPRC"));
            long change = trade.price() - trade.previousClose();
            assertEquals(change > 0 ? "2" : change < 0 ? "5" : "3", record.get("PRDY_VRSS_SIGN"));
            assertTrue(Long.parseLong(record.get("ASKP1")) > Long.parseLong(record.get("BIDP1")));
        }
    }

    @Test
    void anOrderBookFrameHasFiftyNineFieldsAndReadsIntoTenLevelsASide() {
        Instant at = Instant.parse("2025-03-05T01:15:07Z");
        TradeTape.Trade last = day.lastBefore(at);
        OrderBook book = new OrderBookGenerator(bars).orderBookAfter("005930", at, last.price(), last.buyerInitiated());
        String frame = KisRealtimeFrames.orderBook(book, last.cumulativeVolume());

        assertEquals(KisRealtimeColumns.ORDER_BOOK_COLUMNS.size(), frame.split("\\|", 4)[3].split("\\^", -1).length);
        assertTrue(frame.startsWith("0|H0STASP0|001|005930^101507^0^"), frame);
        KisFrame.Data data = assertInstanceOf(KisFrame.Data.class, KisFrameReader.read(frame, trId -> null));
        KisRecord record = data.records().get(0);
        OrderBookSnapshot snapshot = KisRealtimeRecords.orderBook(record, DAY);
        assertEquals(at, snapshot.timestamp());
        assertEquals(10, snapshot.bids().size());
        assertEquals(10, snapshot.asks().size());
        assertEquals(Long.toString(last.cumulativeVolume()), record.get("ACML_VOL"));
        long bestAsk = snapshot.asks().get(0).price().longValueExact();
        long bestBid = snapshot.bids().get(0).price().longValueExact();
        assertTrue(bestBid < bestAsk);
        assertTrue(bestBid == last.price() || bestAsk == last.price());
    }

    @Test
    void controlFramesHaveKisShapes() {
        KisFrame.Control ack = assertInstanceOf(KisFrame.Control.class, KisFrameReader.read(
                KisRealtimeFrames.subscribed("H0STCNT0", "005930", "abcdefghijklmnopqrstuvwxyz012345",
                        "0123456789abcdef"), trId -> null));
        assertTrue(ack.ok());
        assertEquals("SUBSCRIBE SUCCESS", ack.message());
        assertNotNull(ack.cipher());
        assertEquals("{\"header\":{\"tr_id\":\"H0STCNT0\",\"tr_key\":\"005930\",\"encrypt\":\"N\"},\"body\":{\"rt_cd\":"
                        + "\"1\",\"msg_cd\":\"OPSP0008\",\"msg1\":\"MAX SUBSCRIBE OVER\"}}",
                KisRealtimeFrames.refused("H0STCNT0", "005930", KisMessageCodes.MAX_SUBSCRIPTIONS,
                        "MAX SUBSCRIBE OVER"));
        assertEquals("{\"header\":{\"tr_id\":\"H0STCNT0\",\"tr_key\":\"005930\",\"encrypt\":\"N\"},\"body\":{\"rt_cd\":"
                        + "\"0\",\"msg_cd\":\"OPSP0001\",\"msg1\":\"UNSUBSCRIBE SUCCESS\"}}",
                KisRealtimeFrames.unsubscribed("H0STCNT0", "005930"));
        assertEquals("{\"header\":{\"tr_id\":\"PINGPONG\",\"datetime\":\"20250305093400\"}}",
                KisRealtimeFrames.pingPong(Instant.parse("2025-03-05T00:34:00Z")));
    }

    /** The trades of the first second of the day that holds more than one. */
    private List<TradeTape.Trade> sharedSecond() {
        List<TradeTape.Trade> trades = day.trades();
        for (int i = 1; i < trades.size(); i++) {
            if (trades.get(i).at().equals(trades.get(i - 1).at())) {
                Instant at = trades.get(i).at();
                return day.between(at, at.plusSeconds(1));
            }
        }
        throw new AssertionError("no second with two trades");
    }
}
