package dev.marketpipe.collector.collection;

import dev.marketpipe.collector.failover.ProviderRouter;
import dev.marketpipe.collector.provider.SnapshotPage;
import dev.marketpipe.collector.provider.SnapshotQuery;
import dev.marketpipe.collector.provider.Sourced;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Collection of the non-bar data types: fetch an order book, the account info, the positions or a window of
 * order history, turn each answer (each page) into a {@link CollectedBatch} and hand it to the
 * archive. Account batches carry no symbol, so their archive name is {@code account_info_{YYYYMMDD}_{HHMMSS}}.
 * Requests go through {@link ProviderRouter} like bars: failover to the backup source, the outcome reported
 * once, and each batch says which source answered.
 */
@ApplicationScoped
public class SnapshotCollector {

    private final ProviderRouter api;
    private final BatchHandOver handOver;

    SnapshotCollector(ProviderRouter api, BatchHandOver handOver) {
        this.api = api;
        this.handOver = handOver;
    }

    /** One order-book snapshot of {@code symbol}; the batch window is the snapshot's second. */
    public Outcome orderBook(String symbol) {
        return collect(SnapshotQuery.orderBook(symbol), null, null);
    }

    public Outcome accountInfo() {
        return collect(SnapshotQuery.accountInfo(), null, null);
    }

    public Outcome positions() {
        return collect(SnapshotQuery.positions(), null, null);
    }

    /** Every page of the order history of {@code [from, to)}. */
    public Outcome orders(Instant from, Instant to) {
        return collect(SnapshotQuery.orders(from.toString(), to.toString()), from, to);
    }

    private Outcome collect(SnapshotQuery first, Instant windowStart, Instant windowEnd) {
        List<Sourced<SnapshotPage>> pages = new ArrayList<>();
        for (SnapshotQuery query = first; query != null; query = pages.get(pages.size() - 1).value().next()) {
            pages.add(api.fetchSnapshot(query));
        }
        int records = 0;
        for (Sourced<SnapshotPage> page : pages) {
            CollectedBatch batch = toBatch(page, windowStart, windowEnd);
            handOver.ship(batch, first.dataType().code() + " records", () -> { });
            records += batch.recordCount();
        }
        handOver.counted(first.dataType(), "none", records);
        return new Outcome(first.dataType(), pages.size(), records);
    }

    /** The batch records which source answered, primary or backup ({@code source}/{@code provider} metadata). */
    private CollectedBatch toBatch(Sourced<SnapshotPage> sourced, Instant windowStart, Instant windowEnd) {
        SnapshotPage page = sourced.value();
        // A snapshot's window is its own instant: the provider's timestamp when it gave one, else the fetch time.
        Instant at = snapshotInstant(page);
        Instant start = windowStart != null ? windowStart : at;
        Instant end = windowEnd != null ? windowEnd : at;
        SnapshotQuery query = page.query();
        return new CollectedBatch(UUID.randomUUID(), query.dataType(), query.symbol(), null, sourced.source(),
                sourced.provider(), start, end, query.page(), page.fetchedAt(), page.latencyMs(),
                page.attempts(), handOver.apiVersion(), handOver.collectorVersion(), page.rawResponse(), List.of(), null,
                page.records());
    }

    private static Instant snapshotInstant(SnapshotPage page) {
        Instant at = switch (page.query().dataType()) {
            case ORDERBOOK -> page.records().orderBooks().get(0).timestamp();
            case ACCOUNT_INFO -> page.records().accounts().get(0).timestamp();
            case POSITIONS -> page.records().positions().isEmpty() ? null
                    : page.records().positions().get(0).timestamp();
            default -> null;
        };
        return at != null ? at : page.fetchedAt();
    }

    /** @param pages API answers archived, one batch each */
    public record Outcome(DataType dataType, int pages, int records) {
    }
}
