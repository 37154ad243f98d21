package dev.marketpipe.archive.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.store.ArchiveKey;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.BookLevel;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.SourceRole;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Collected batches of 1-minute bars and their envelopes in a store, as the intake would have written them. */
final class ReplayFixtures {

    static final ObjectMapper MAPPER = TestBatches.mapper();
    static final EnvelopeFormat FORMAT = new EnvelopeFormat(MAPPER);

    private ReplayFixtures() {
    }

    /** A batch of {@code count} bars from {@code windowStart}, fetched at {@code fetchedAt}, with its raw response. */
    static CollectedBatch bars(String symbol, String windowStart, int count, String fetchedAt) {
        Instant start = Instant.parse(windowStart);
        List<Bar> bars = new ArrayList<>();
        ArrayNode data = MAPPER.createArrayNode();
        for (int i = 0; i < count; i++) {
            Instant at = start.plusSeconds(60L * i);
            BigDecimal open = new BigDecimal(70000 + 100 * i);
            Bar bar = new Bar(at, symbol, open, open.add(new BigDecimal("50.50")), open.subtract(BigDecimal.TEN),
                    open.add(BigDecimal.ONE), 1000L + i, new BigDecimal("70000000.00"));
            bars.add(bar);
            ObjectNode record = data.addObject();
            record.put("timestamp", at.toString()).put("symbol", symbol).put("open", bar.open())
                    .put("high", bar.high()).put("low", bar.low()).put("close", bar.close())
                    .put("volume", bar.volume()).put("value", bar.value());
        }
        ObjectNode raw = MAPPER.createObjectNode().put("status", "success");
        raw.set("data", data);
        raw.putObject("meta").put("total_records", count).put("page", 1).put("total_pages", 1).put("limit", 1000);
        return new CollectedBatch(UUID.randomUUID(), DataType.MARKET_DATA, symbol, BarInterval.ONE_MINUTE,
                SourceRole.PRIMARY, "simulator", start, start.plusSeconds(60L * count), 1, Instant.parse(fetchedAt),
                15, 1, "v1.0", "0.1.0", raw, bars, null);
    }

    /** An order-book batch as the collector sends it (the raw response is the bare order-book object). */
    static CollectedBatch orderBook(String symbol, String at) throws IOException {
        JsonNode raw = MAPPER.readTree("{\"symbol\":\"" + symbol + "\",\"timestamp\":\"" + at + "\","
                + "\"bids\":[{\"price\":74900,\"quantity\":120},{\"price\":74800,\"quantity\":55}],"
                + "\"asks\":[{\"price\":75000,\"quantity\":80}]}");
        return new CollectedBatch(UUID.randomUUID(), DataType.ORDERBOOK, symbol, null, SourceRole.PRIMARY,
                "simulator", Instant.parse(at), Instant.parse(at).plusSeconds(1), 1, Instant.parse(at), 9, 1, "v1.0",
                "0.1.0", raw, null, null, BatchRecords.ofOrderBooks(List.of(new OrderBookSnapshot(symbol,
                        Instant.parse(at), List.of(new BookLevel(new BigDecimal(74900), 120L),
                        new BookLevel(new BigDecimal(74800), 55L)), List.of(new BookLevel(new BigDecimal(75000), 80L))))));
    }

    /** Archives {@code batch} as the intake does; returns its ref. */
    static String archive(ArchiveStore store, CollectedBatch batch) throws IOException {
        return store.put(ArchiveKey.of(batch), FORMAT.render(batch)).archiveRef();
    }
}
