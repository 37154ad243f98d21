package dev.marketpipe.collector.collection;

import dev.marketpipe.collector.failover.ProviderRouter;
import dev.marketpipe.collector.provider.BarsPage;
import dev.marketpipe.collector.provider.BarsQuery;
import dev.marketpipe.collector.provider.Sourced;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Collection of one {@link FetchWindow}: fetch every page from the securities API, turn each response
 * into a {@link CollectedBatch} and hand it to the archive. Used by backfills and by the live job alike.
 */
@ApplicationScoped
public class WindowCollector {

    private final ProviderRouter api;
    private final BatchHandOver handOver;
    private final CollectionState state;

    WindowCollector(ProviderRouter api, BatchHandOver handOver, CollectionState state) {
        this.api = api;
        this.handOver = handOver;
        this.state = state;
    }

    /** Collects the window; returns how many API responses (pages) and records were archived (or spooled for it). */
    public Outcome collect(FetchWindow window) {
        BarsQuery first = new BarsQuery(window.symbol(), window.interval(), window.startParam(), window.endParam(), 1);
        List<Sourced<BarsPage>> pages = new ArrayList<>();
        for (BarsQuery query = first; query != null; query = pages.get(pages.size() - 1).value().next()) {
            pages.add(api.fetchBars(query));
        }
        // each batch covers the window from its earliest bar to the next page's: providers page forwards (the spec
        // provider) or backwards (KIS, newest first), so the pages are put in time order first; pages without bars keep
        // their place
        pages.sort(Comparator.comparing((Sourced<BarsPage> p) -> earliest(p.value()),
                Comparator.nullsLast(Comparator.naturalOrder())));
        int records = 0;
        for (int i = 0; i < pages.size(); i++) {
            Sourced<BarsPage> page = pages.get(i);
            Instant start = i == 0 ? window.windowStart() : firstTimestamp(page.value(), window.windowStart());
            Instant end = i == pages.size() - 1 ? window.windowEnd()
                    : firstTimestamp(pages.get(i + 1).value(), window.windowEnd());
            CollectedBatch batch = toBatch(window, page, start, end);
            // a refused batch (4xx) throws: it is gap-fill's to redo
            handOver.ship(batch, window.interval().code() + " bars of " + window.symbol(),
                    () -> state.archived(window.symbol(), window.interval(), page.value().bars()));
            records += batch.recordCount();
        }
        handOver.counted(DataType.MARKET_DATA, window.interval().code(), records);
        return new Outcome(pages.size(), records);
    }

    /** The batch records which source answered, primary or backup ({@code source}/{@code provider} metadata). */
    private CollectedBatch toBatch(FetchWindow window, Sourced<BarsPage> sourced, Instant start, Instant end) {
        BarsPage page = sourced.value();
        return new CollectedBatch(UUID.randomUUID(), DataType.MARKET_DATA, window.symbol(), window.interval(),
                sourced.source(), sourced.provider(), start, end, page.query().page(), page.fetchedAt(),
                page.latencyMs(), page.attempts(), handOver.apiVersion(), handOver.collectorVersion(), page.rawResponse(),
                page.bars(), null);
    }

    private static Instant firstTimestamp(BarsPage page, Instant fallback) {
        Instant earliest = earliest(page);
        return earliest == null ? fallback : earliest;
    }

    private static Instant earliest(BarsPage page) {
        return page.bars().stream().map(Bar::timestamp).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    /** @param pages API responses archived, one batch each */
    public record Outcome(int pages, int records) {
    }
}
