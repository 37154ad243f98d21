package dev.marketpipe.provider.kis.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketpipe.provider.ResponseContext;
import dev.marketpipe.provider.kis.realtime.KisFrameException.Kind;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.BookLevel;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.Tick;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The frames of the KIS real-time feed, from fixtures written after the official samples' field lists. */
class KisFrameReaderTest {

    private static final KisFrameCipher CIPHER =
            new KisFrameCipher("abcdefghijklmnopqrstuvwxyz012345", "0123456789abcdef");

    @Test
    void aTradeFrameOfTwoRecordsIsSplitByItsCountIntoTwoTicks() {
        KisFrame.Data frame = (KisFrame.Data) read(fixture("trades-005930-2.txt"));

        assertEquals("H0STCNT0", frame.trId());
        assertFalse(frame.encrypted());
        assertEquals(2, frame.records().size());
        Tick first = KisRealtimeRecords.tick(frame.records().get(0));
        assertEquals(new Tick("005930", Instant.parse("2025-03-05T00:33:54Z"), new BigDecimal("71900"), 1L, 3052507L,
                new BigDecimal("219853241700"), new BigDecimal("72000")), first);
        Tick second = KisRealtimeRecords.tick(frame.records().get(1));
        assertEquals(new BigDecimal("71800"), second.price());
        assertEquals(120L, second.quantity());
        assertEquals(3052627L, second.cumulativeVolume());
        assertEquals(new BigDecimal("72000"), second.previousClose());
    }

    @Test
    void anOrderBookRecordHasTenLevelsASideBestFirstWithOrWithoutTheMidPriceBlock() {
        for (String name : new String[] {"orderbook-005930.txt", "orderbook-005930-mid.txt"}) {
            KisFrame.Data frame = (KisFrame.Data) read(fixture(name));
            OrderBookSnapshot book = KisRealtimeRecords.orderBook(frame.records().get(0), LocalDate.of(2025, 3, 5));

            assertEquals("005930", book.symbol(), name);
            assertEquals(Instant.parse("2025-03-05T00:33:54Z"), book.timestamp(), name);
            assertEquals(10, book.bids().size(), name);
            assertEquals(10, book.asks().size(), name);
            assertEquals(new BookLevel(new BigDecimal("71800"), 216924L), book.bids().get(0), name);
            assertEquals(new BookLevel(new BigDecimal("71900"), 65945L), book.asks().get(0), name);
            assertEquals(new BookLevel(new BigDecimal("72800"), 100000L), book.asks().get(9), name);
        }
    }

    @Test
    void aSubscribeAnswerCarriesTheSubscriptionsKeyAndAnUnsubscribeAnswerSaysSo() {
        KisFrame.Control ack = (KisFrame.Control) read(fixture("subscribe-ack.json"));
        assertTrue(ack.ok());
        assertEquals("H0STCNT0", ack.trId());
        assertEquals("005930", ack.trKey());
        assertEquals(CIPHER, ack.cipher());
        assertFalse(ack.unsubscribed());

        KisFrame.Control unsubscribed = (KisFrame.Control) read(fixture("unsubscribe-ack.json"));
        assertTrue(unsubscribed.unsubscribed());
        assertNull(unsubscribed.cipher());

        KisFrame.Control refused = (KisFrame.Control) read(fixture("subscribe-refused.json"));
        assertFalse(refused.ok());
        assertEquals("MAX SUBSCRIBE OVER", refused.message());
    }

    @Test
    void pingPongIsKeptAsReceivedToBeSentBack() {
        String text = fixture("pingpong.json");
        assertEquals(new KisFrame.PingPong(text), read(text));
    }

    @Test
    void anEncryptedFrameIsReadWithItsSubscriptionsKey() {
        String plain = fixture("trades-005930-2.txt");
        String payload = plain.substring(plain.indexOf('|', plain.indexOf('|', 2) + 1) + 1);
        String encrypted = "1|H0STCNT0|002|" + CIPHER.encrypt(payload);

        KisFrame.Data frame = (KisFrame.Data) KisFrameReader.read(encrypted, Map.of("H0STCNT0", CIPHER)::get);

        assertTrue(frame.encrypted());
        assertEquals(2, frame.records().size());
        assertEquals(3052627L, KisRealtimeRecords.tick(frame.records().get(1)).cumulativeVolume());
    }

    @Test
    void eachUnreadableFrameIsRejectedWithItsKind() {
        String trades = fixture("trades-005930-2.txt");
        assertKind(Kind.MALFORMED, "hello");
        assertKind(Kind.MALFORMED, "{\"header\":");
        assertKind(Kind.MALFORMED, "{\"body\":{}}");
        assertKind(Kind.MALFORMED, "0|H0STCNT0|two|1^2");
        assertKind(Kind.MALFORMED, "0|H0STCNT0|000|");
        assertKind(Kind.MALFORMED, "0|H0STCNT0");
        assertKind(Kind.UNKNOWN_TR_ID, "0|H0STCNI0|001|a^b^c");
        assertKind(Kind.FIELD_COUNT, trades.replace("|002|", "|003|"));
        assertKind(Kind.FIELD_COUNT, trades.substring(0, trades.lastIndexOf('^')));
        assertKind(Kind.FIELD_COUNT, "0|H0STCNT0|001|005930^093354^71900");
        assertKind(Kind.DECRYPTION, "1|H0STCNT0|001|" + CIPHER.encrypt("x"));
        assertKind(Kind.DECRYPTION, "1|H0STCNT0|001|not base64 at all", CIPHER);
        assertKind(Kind.DECRYPTION, "1|H0STCNT0|001|" + new KisFrameCipher("zyxwvutsrqponmlkjihgfedcba543210",
                "fedcba9876543210").encrypt("a^b"), CIPHER);
    }

    @Test
    void aBatchOfRawFramesIsReadAgainIntoItsTicksSkippingWhatIsUnreadable() {
        var raw = KisRealtimeBatch.raw(List.of(fixture("trades-005930-2.txt"), "garbage", fixture("pingpong.json")),
                Map.of());
        BatchRecords records = KisRealtimeBatch.records(DataType.TICKS, raw,
                ResponseContext.market("005930", null, null, null, Instant.parse("2025-03-05T00:33:55Z")));

        assertEquals(2, records.ticks().size());
        assertEquals(3052507L, records.ticks().get(0).cumulativeVolume());
    }

    private static void assertKind(Kind kind, String frame) {
        assertKind(kind, frame, null);
    }

    private static void assertKind(Kind kind, String frame, KisFrameCipher cipher) {
        KisFrameException e = assertThrows(KisFrameException.class, () -> KisFrameReader.read(frame, trId -> cipher),
                frame);
        assertEquals(kind, e.kind(), e.getMessage());
    }

    private static KisFrame read(String text) {
        return KisFrameReader.read(text, trId -> null);
    }

    static String fixture(String name) {
        try (InputStream in = KisFrameReaderTest.class.getResourceAsStream("/kis/realtime/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
